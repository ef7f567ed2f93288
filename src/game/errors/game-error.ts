/** Every failure the game layer reports to a client; one code each, mapped to transports in error-mapper.ts. */
export enum GameErrorCode {
  BadRequest = 'BAD_REQUEST',
  Unauthenticated = 'UNAUTHENTICATED',
  InvalidCredentials = 'INVALID_CREDENTIALS',
  NameTaken = 'NAME_TAKEN',
  ScenarioNotFound = 'SCENARIO_NOT_FOUND',
  AttemptNotFound = 'ATTEMPT_NOT_FOUND',
  AttemptNotActive = 'ATTEMPT_NOT_ACTIVE',
  HintNotFound = 'HINT_NOT_FOUND',
  Internal = 'INTERNAL',
}

export class GameError extends Error {
  constructor(
    readonly code: GameErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'GameError';
  }

  static scenarioNotFound(id: string): GameError {
    return new GameError(GameErrorCode.ScenarioNotFound, `scenario "${id}" not found`);
  }

  /** Also used for attempts of other players, so ids of other players' attempts are not revealed. */
  static attemptNotFound(id: string): GameError {
    return new GameError(GameErrorCode.AttemptNotFound, `attempt "${id}" not found`);
  }
}
