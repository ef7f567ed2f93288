import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { GameError, GameErrorCode } from '../errors/game-error';
import { PlayersRepository } from '../persistence/players.repository';
import type { LoginResponse, RegisterResponse } from '../protocol/messages';
import { hashPlayerToken, newPlayerToken, verifyPlayerToken } from './player-token';

@Injectable()
export class PlayersService {
  constructor(private readonly players: PlayersRepository) {}

  async register(name: string): Promise<RegisterResponse> {
    const token = newPlayerToken();
    const created = await this.players.create({ id: randomUUID(), name, tokenHash: await hashPlayerToken(token) });
    if (!created) throw new GameError(GameErrorCode.NameTaken, `the name "${name}" is already taken`);
    return { playerId: created.id, name: created.name, token };
  }

  async login(name: string, token: string): Promise<LoginResponse> {
    const player = await this.players.findByName(name);
    if (!player || !(await verifyPlayerToken(token, player.tokenHash))) throw invalidCredentials();
    return { playerId: player.id, name: player.name };
  }

  /** Handshake authentication: the same check as login, by id. */
  async authenticate(playerId: string, token: string): Promise<LoginResponse> {
    const player = await this.players.findById(playerId);
    if (!player || !(await verifyPlayerToken(token, player.tokenHash))) throw invalidCredentials();
    return { playerId: player.id, name: player.name };
  }
}

function invalidCredentials(): GameError {
  return new GameError(GameErrorCode.InvalidCredentials, 'unknown player name or wrong token');
}
