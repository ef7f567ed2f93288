import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import { httpStatusOf } from '../errors/error-mapper';
import { GameError } from '../errors/game-error';

/** HTTP face of game errors: `{ statusCode, error: CODE, message }`, the shape Nest uses for its own errors. */
/** The part of express's response this filter needs (the project has no @types/express). */
interface JsonResponse {
  status(code: number): { json(body: unknown): unknown };
}

@Catch(GameError)
export class GameErrorHttpFilter implements ExceptionFilter {
  catch(exception: GameError, host: ArgumentsHost): void {
    const status = httpStatusOf(exception.code);
    host.switchToHttp().getResponse<JsonResponse>().status(status).json({
      ...exception.details,
      statusCode: status,
      error: exception.code,
      message: exception.message,
    });
  }
}
