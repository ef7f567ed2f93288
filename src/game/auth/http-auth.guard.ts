import { CanActivate, createParamDecorator, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GameError, GameErrorCode } from '../errors/game-error';
import { type Principal, PlayersService } from './players.service';
import type { SessionClaims } from './session-token';
import { hasRole, type Role } from './roles';

const REQUIRED_ROLE = 'crashloop:required-role';

/** The least role a route needs; the route also needs `@UseGuards(HttpAuthGuard)`. */
export const RequireRole = (role: Role): MethodDecorator & ClassDecorator => SetMetadata(REQUIRED_ROLE, role);

interface AuthedRequest {
  headers: Record<string, string | string[] | undefined>;
  principal?: Principal;
  claims?: SessionClaims;
}

/** `Authorization: Bearer <session token>`: 401 without a valid one, 403 below the route's role. */
@Injectable()
export class HttpAuthGuard implements CanActivate {
  constructor(
    private readonly players: PlayersService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) throw new GameError(GameErrorCode.Unauthenticated, 'send "Authorization: Bearer <session token>"');
    const { principal, claims } = await this.players.authenticateSession(match[1]);
    const required = this.reflector.getAllAndOverride<Role | undefined>(REQUIRED_ROLE, [context.getHandler(), context.getClass()]);
    if (required && !hasRole(principal.role, required)) throw GameError.forbidden(`this needs the ${required} role`);
    request.principal = principal;
    request.claims = claims;
    return true;
  }
}

/** The principal HttpAuthGuard put on the request. */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<AuthedRequest>().principal;
  if (!principal) throw new GameError(GameErrorCode.Unauthenticated, 'not signed in');
  return principal;
});

/** The claims of the bearer token HttpAuthGuard accepted (to revoke that very token). */
export const CurrentClaims = createParamDecorator((_: unknown, context: ExecutionContext): SessionClaims => {
  const claims = context.switchToHttp().getRequest<AuthedRequest>().claims;
  if (!claims) throw new GameError(GameErrorCode.Unauthenticated, 'not signed in');
  return claims;
});
