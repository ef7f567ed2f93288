import { Injectable } from '@nestjs/common';
import { GameError, GameErrorCode } from '../errors/game-error';
import { PlayersRepository } from '../persistence/players.repository';
import { RevokedTokensRepository } from '../persistence/revoked-tokens.repository';
import type { PlayerRevokedResponse, SessionResponse } from '../protocol/messages';
import { PushService } from '../transport/push.service';
import { hashPassword, verifyPassword } from './password';
import { PlayersService } from './players.service';
import type { SessionClaims } from './session-token';

const LOGGED_OUT = 'this session was logged out; log in again';
const REVOKED_ALL = 'every session of this player was revoked (signed out everywhere, or the password was changed); log in again';

/**
 * Revoking session tokens before they expire. One token (logout): its `jti` goes on a denylist until it
 * would have expired. All of a player's tokens (admin, password change): the player's token generation
 * is bumped, so every token carrying an older one is refused. Both live in SQLite and survive restarts;
 * sockets already signed in with a revoked token are disconnected at once.
 */
@Injectable()
export class SessionRevocationService {
  constructor(
    private readonly players: PlayersRepository,
    private readonly revoked: RevokedTokensRepository,
    private readonly accounts: PlayersService,
    private readonly push: PushService,
  ) {}

  /** Revokes the token `claims` came from; other sockets signed in with it are disconnected. */
  async logout(playerId: string, claims: SessionClaims): Promise<void> {
    if (claims.jti === undefined) {
      // A token from before single-token revocation: only its generation can revoke it.
      await this.revokeEverySession(playerId);
      return;
    }
    const jti = claims.jti;
    await this.revoked.revoke(jti, playerId, new Date(claims.exp));
    await this.revoked.purgeExpired(new Date());
    this.push.endSessions(playerId, (session) => session.jti === jti, LOGGED_OUT);
  }

  /** An admin signs a player out everywhere. */
  async revokeAll(name: string): Promise<PlayerRevokedResponse> {
    const player = await this.players.findByName(name);
    if (!player) throw new GameError(GameErrorCode.PlayerNotFound, `player "${name}" not found`);
    await this.revokeEverySession(player.id);
    return { playerId: player.id, name: player.name, revoked: true };
  }

  /** A new password; every other session is revoked and the caller gets a fresh token. */
  async changePassword(playerId: string, current: string, next: string): Promise<SessionResponse> {
    const player = await this.players.findById(playerId);
    if (!player) throw new GameError(GameErrorCode.Unauthenticated, 'sign in first');
    if (player.guest) throw new GameError(GameErrorCode.BadRequest, 'a guest has no password; claim an account first');
    if (!(await verifyPassword(current, player.passwordHash))) throw GameError.forbidden('the current password is wrong');
    const updated = await this.players.changePassword(playerId, await hashPassword(next));
    this.push.endSessions(playerId, (session) => session.gen < updated.tokenGeneration, REVOKED_ALL);
    return this.accounts.issue(updated);
  }

  private async revokeEverySession(playerId: string): Promise<void> {
    const generation = await this.players.bumpTokenGeneration(playerId);
    if (generation === null) return;
    this.push.endSessions(playerId, (session) => session.gen < generation, REVOKED_ALL);
  }
}
