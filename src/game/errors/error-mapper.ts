import { HttpStatus } from '@nestjs/common';
import { WsException } from '@nestjs/websockets';
import { GameError, GameErrorCode } from './game-error';
import type { AckError } from '../protocol/messages';

/** The one place that decides how each game error code looks on the wire. */
export function httpStatusOf(code: GameErrorCode): HttpStatus {
  switch (code) {
    case GameErrorCode.BadRequest:
      return HttpStatus.BAD_REQUEST;
    case GameErrorCode.Unauthenticated:
    case GameErrorCode.InvalidCredentials:
      return HttpStatus.UNAUTHORIZED;
    case GameErrorCode.Forbidden:
      return HttpStatus.FORBIDDEN;
    case GameErrorCode.NameTaken:
    case GameErrorCode.ScenarioIdTaken:
      return HttpStatus.CONFLICT;
    case GameErrorCode.ScenarioInvalid:
      return HttpStatus.UNPROCESSABLE_ENTITY;
    case GameErrorCode.PayloadTooLarge:
      return HttpStatus.PAYLOAD_TOO_LARGE;
    case GameErrorCode.PlayerNotFound:
    case GameErrorCode.ScenarioNotFound:
    case GameErrorCode.AttemptNotFound:
    case GameErrorCode.HintNotFound:
    case GameErrorCode.QuestionNotFound:
    case GameErrorCode.EventNotFound:
    case GameErrorCode.QuizRoundNotFound:
      return HttpStatus.NOT_FOUND;
    case GameErrorCode.AttemptNotActive:
    case GameErrorCode.QuestionAnswered:
    case GameErrorCode.EventNotOpen:
    case GameErrorCode.QuizRoundFinished:
      return HttpStatus.CONFLICT;
    case GameErrorCode.RateLimited:
      return HttpStatus.TOO_MANY_REQUESTS;
    case GameErrorCode.Internal:
      return HttpStatus.INTERNAL_SERVER_ERROR;
    default:
      return assertNever(code);
  }
}

/** Converts anything thrown into a client-safe error: game errors keep their message, bugs become a generic one. */
export function toAckError(err: unknown): AckError {
  if (err instanceof GameError) {
    return { ...err.details, code: err.code, message: err.message };
  }
  // Raised by the gateway's validation pipe with an AckError payload.
  if (err instanceof WsException && isAckError(err.getError())) {
    return err.getError() as AckError;
  }
  return { code: GameErrorCode.Internal, message: 'the server failed to handle this request; it was logged' };
}

function isAckError(value: unknown): value is AckError {
  return typeof value === 'object' && value !== null && 'code' in value && 'message' in value;
}

function assertNever(value: never): never {
  throw new Error(`unmapped game error code ${String(value)}`);
}
