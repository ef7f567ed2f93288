import type { INestApplication } from '@nestjs/common';
import { type Principal, PlayersService } from '../../src/game/auth/players.service';
import type { SessionResponse } from '../../src/game/protocol/messages';
import { call, connect, type TestSocket } from './socket-client';

export const TEST_PASSWORD = 'correct-horse-battery';

/** Registers `name` on `socket` (which is then signed in) and returns the session. */
export function register(socket: TestSocket, name: string): Promise<SessionResponse> {
  return call<SessionResponse>(socket, 'player:register', { name, password: TEST_PASSWORD });
}

/** A fresh connection signed in as a new account. */
export async function connectAs(url: string, name: string): Promise<{ socket: TestSocket; session: SessionResponse }> {
  const socket = await connect(url);
  return { socket, session: await register(socket, name) };
}

/** Promotes `name` through the admin HTTP endpoint. */
export async function setRole(url: string, adminToken: string, name: string, role: string): Promise<void> {
  const res = await fetch(`${url}/api/admin/players/${name}/role`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ role }),
  });
  if (res.status !== 200) throw new Error(`set role: HTTP ${res.status} ${await res.text()}`);
}

/** Registers `name` straight through PlayersService (no socket) and returns the principal the services take. */
export async function registerPrincipal(app: INestApplication, name: string): Promise<Principal> {
  const { playerId, role, guest } = await app.get(PlayersService).register(name, 'password-1');
  return { playerId, name, role, guest };
}
