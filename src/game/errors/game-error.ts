/** Every failure the game layer reports to a client; one code each, mapped to transports in error-mapper.ts. */
export enum GameErrorCode {
  BadRequest = 'BAD_REQUEST',
  Unauthenticated = 'UNAUTHENTICATED',
  InvalidCredentials = 'INVALID_CREDENTIALS',
  Forbidden = 'FORBIDDEN',
  NameTaken = 'NAME_TAKEN',
  PlayerNotFound = 'PLAYER_NOT_FOUND',
  ScenarioNotFound = 'SCENARIO_NOT_FOUND',
  AttemptNotFound = 'ATTEMPT_NOT_FOUND',
  AttemptNotActive = 'ATTEMPT_NOT_ACTIVE',
  HintNotFound = 'HINT_NOT_FOUND',
  QuestionNotFound = 'QUESTION_NOT_FOUND',
  QuestionAnswered = 'QUESTION_ANSWERED',
  EventNotFound = 'EVENT_NOT_FOUND',
  EventNotOpen = 'EVENT_NOT_OPEN',
  QuizRoundNotFound = 'QUIZ_ROUND_NOT_FOUND',
  QuizRoundFinished = 'QUIZ_ROUND_FINISHED',
  ScenarioIdTaken = 'SCENARIO_ID_TAKEN',
  ScenarioInvalid = 'SCENARIO_INVALID',
  PayloadTooLarge = 'PAYLOAD_TOO_LARGE',
  RateLimited = 'RATE_LIMITED',
  Internal = 'INTERNAL',
}

export class GameError extends Error {
  constructor(
    readonly code: GameErrorCode,
    message: string,
    /** Extra fields sent beside code and message (e.g. an authoring `report`); see AckError. */
    readonly details?: Record<string, unknown>,
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

  /** Also used for events the player may not see. */
  static eventNotFound(ref: string): GameError {
    return new GameError(GameErrorCode.EventNotFound, `event "${ref}" not found`);
  }

  static forbidden(message: string): GameError {
    return new GameError(GameErrorCode.Forbidden, message);
  }
}
