import { Inject, Injectable } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import { GAME_CONFIG, type GameConfig } from '../attempts/game-config';
import { KeyedMutex } from '../attempts/keyed-mutex';
import { GameError, GameErrorCode } from '../errors/game-error';
import { type PlayerRecord, PlayersRepository } from '../persistence/players.repository';
import { RevokedTokensRepository } from '../persistence/revoked-tokens.repository';
import type { SessionResponse } from '../protocol/messages';
import { hashPassword, verifyPassword } from './password';
import { type Role, toRole } from './roles';
import { SERVER_SECRET } from './server-secret';
import { type SessionClaims, signSession, verifySession } from './session-token';

/** Who is signed in on a socket or HTTP request. */
export interface Principal {
  playerId: string;
  name: string;
  role: Role;
  guest: boolean;
}

/** A verified session: who, and the token's claims (its jti and generation, to revoke it). */
export interface AuthenticatedSession {
  principal: Principal;
  claims: SessionClaims;
}

/** Accounts, guests and signed session tokens. */
@Injectable()
export class PlayersService {
  /** Serialises account creation, so "the first account is the admin" holds under concurrent registrations. */
  private readonly accounts = new KeyedMutex();

  constructor(
    private readonly players: PlayersRepository,
    private readonly revoked: RevokedTokensRepository,
    @Inject(SERVER_SECRET) private readonly secret: Buffer,
    @Inject(GAME_CONFIG) private readonly config: GameConfig,
  ) {}

  async register(name: string, password: string): Promise<SessionResponse> {
    const passwordHash = await hashPassword(password);
    const created = await this.accounts.run('accounts', async () =>
      this.players.create({ id: randomUUID(), name, passwordHash, role: await this.roleForNewAccount(name), guest: false }),
    );
    if (!created) throw nameTaken(name);
    return this.session(created);
  }

  async login(name: string, password: string): Promise<SessionResponse> {
    const player = await this.players.findByName(name);
    // verifyPassword does the same work for an unknown name, so timing does not tell names apart.
    const valid = await verifyPassword(password, player?.passwordHash ?? null);
    if (!player || player.guest || !valid) throw invalidCredentials();
    return this.session(player);
  }

  /** A guest: plays, but stays off the leaderboards until claimed. */
  async guest(): Promise<SessionResponse> {
    for (;;) {
      const created = await this.players.create({
        id: randomUUID(),
        name: `guest-${randomBytes(4).toString('hex')}`,
        passwordHash: null,
        role: 'learner',
        guest: true,
      });
      if (created) return this.session(created);
    }
  }

  /** Turns the signed-in guest into an account with a name and password; its attempts stay its own. */
  async claim(playerId: string, name: string, password: string): Promise<SessionResponse> {
    const player = await this.players.findById(playerId);
    if (!player) throw unauthenticated();
    if (!player.guest) throw new GameError(GameErrorCode.BadRequest, 'only a guest can claim an account; this player already has one');
    const passwordHash = await hashPassword(password);
    const claimed = await this.accounts.run('accounts', async () =>
      this.players.claim(playerId, { name, passwordHash, role: await this.roleForNewAccount(name) }),
    );
    if (!claimed) throw nameTaken(name);
    return this.session(claimed);
  }

  /** The principal of a session token, or an UNAUTHENTICATED error (bad signature, expired, revoked, unknown player). */
  async authenticate(token: string): Promise<Principal> {
    return (await this.authenticateSession(token)).principal;
  }

  async authenticateSession(token: string): Promise<AuthenticatedSession> {
    const claims = verifySession(token, this.secret, Date.now());
    if (!claims) throw unauthenticated('the session token is invalid or has expired; log in again');
    const player = await this.players.findById(claims.sub);
    if (!player) throw unauthenticated('the session token is invalid or has expired; log in again');
    if ((claims.gen ?? 0) !== player.tokenGeneration) {
      throw unauthenticated('the session token was revoked (signed out everywhere, or the password was changed); log in again');
    }
    if (claims.jti !== undefined && (await this.revoked.isRevoked(claims.jti))) {
      throw unauthenticated('the session token was revoked (logged out); log in again');
    }
    return { principal: principalOf(player), claims };
  }

  /** The claims of a token this server signed (and that has not expired); null otherwise. */
  claimsOf(token: string): SessionClaims | null {
    return verifySession(token, this.secret, Date.now());
  }

  /** A fresh token for a player as stored now (e.g. after a password change bumped its generation). */
  issue(player: PlayerRecord): SessionResponse {
    return this.session(player);
  }

  async setRole(name: string, role: Role): Promise<Principal> {
    const player = await this.players.setRole(name, role);
    if (!player) throw new GameError(GameErrorCode.PlayerNotFound, `player "${name}" not found`);
    return principalOf(player);
  }

  private async roleForNewAccount(name: string): Promise<Role> {
    if (this.config.adminNames.includes(name)) return 'admin';
    return (await this.players.countAccounts()) === 0 ? 'admin' : 'learner';
  }

  private session(player: PlayerRecord): SessionResponse {
    const expiresAt = Date.now() + this.config.sessionTtlMs;
    return {
      ...principalOf(player),
      token: signSession({ sub: player.id, exp: expiresAt, jti: randomUUID(), gen: player.tokenGeneration }, this.secret),
      expiresAt: new Date(expiresAt).toISOString(),
    };
  }
}

function principalOf(player: PlayerRecord): Principal {
  return { playerId: player.id, name: player.name, role: toRole(player.role), guest: player.guest };
}

function nameTaken(name: string): GameError {
  return new GameError(GameErrorCode.NameTaken, `the name "${name}" is already taken`);
}

function invalidCredentials(): GameError {
  return new GameError(GameErrorCode.InvalidCredentials, 'unknown player name or wrong password');
}

function unauthenticated(message = 'sign in first'): GameError {
  return new GameError(GameErrorCode.Unauthenticated, message);
}
