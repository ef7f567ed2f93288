import { ArgumentMetadata, Injectable, ValidationPipe } from '@nestjs/common';
import { WsException } from '@nestjs/websockets';
import { GameErrorCode } from '../errors/game-error';
import type { AckError } from '../protocol/messages';
import { DtoFastPath } from './dto-fast-path';
import { describeValidationErrors } from './validation-message';

/**
 * Validates socket message bodies against their DTO classes. Errors become WsExceptions with a
 * BAD_REQUEST ack error; Nest's global pipes do not run for gateways, so this is bound on the gateway.
 */
@Injectable()
export class WsValidationPipe extends ValidationPipe {
  private readonly fastPath = new DtoFastPath();

  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      stopAtFirstError: true,
      exceptionFactory: (errors) => badRequest(describeValidationErrors(errors) || 'invalid message'),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // A DTO body must be a JSON object: strings, numbers, arrays and null are rejected up front
    // (class-transformer would otherwise turn an array into an array of DTOs).
    if (metadata.type === 'body' && metadata.metatype && !isPrimitiveType(metadata.metatype) && !isPlainObject(value)) {
      throw badRequest(`expected a JSON object as the message payload, got ${describeType(value)}`);
    }
    // A well-formed message of a simple DTO skips the pipe's machinery (same checks, same instance); see DtoFastPath.
    if (metadata.type === 'body' && metadata.metatype && !isPrimitiveType(metadata.metatype)) {
      const accepted = this.fastPath.accept(metadata.metatype, value);
      if (accepted) return accepted;
    }
    return super.transform(value, metadata);
  }
}

function badRequest(message: string): WsException {
  const error: AckError = { code: GameErrorCode.BadRequest, message };
  return new WsException(error);
}

function isPrimitiveType(metatype: unknown): boolean {
  return metatype === String || metatype === Number || metatype === Boolean || metatype === Object || metatype === Array;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return value.length === 0 ? 'nothing' : 'several arguments or an array';
  return `a ${typeof value}`;
}
