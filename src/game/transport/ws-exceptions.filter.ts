import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import { toAckError } from '../errors/error-mapper';
import { GameErrorCode } from '../errors/game-error';
import type { Ack } from '../protocol/messages';

/**
 * Every failure of a socket handler is answered through the request's ack as
 * `{ ok: false, error: { code, message } }`: no stack traces, no "Internal server error", no crash.
 */
@Catch()
export class WsExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('GameGateway');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ws = host.switchToWs();
    const error = toAckError(exception);
    if (error.code === GameErrorCode.Internal) {
      this.logger.error(
        `unhandled error in "${ws.getPattern()}"`,
        exception instanceof Error ? exception.stack : String(exception),
      );
    }
    // Socket handler arguments are (client, data, ack); a message sent without an ack gets no answer.
    const ack: unknown = host.getArgByIndex(2);
    if (typeof ack === 'function') {
      const response: Ack<never> = { ok: false, error };
      (ack as (response: Ack<never>) => void)(response);
    }
  }
}
