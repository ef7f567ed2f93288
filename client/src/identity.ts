import type { Role, SessionResponse } from '../../src/game/protocol/messages';

/** The player's identity, kept in localStorage so a reload or reconnect stays signed in. */
export interface Identity {
  playerId: string;
  name: string;
  token: string;
  role: Role;
  guest: boolean;
}

const KEY = 'crashloop.identity';
const ROLES: Role[] = ['learner', 'instructor', 'admin'];

export function identityOf(session: SessionResponse): Identity {
  return { playerId: session.playerId, name: session.name, token: session.token, role: session.role, guest: session.guest };
}

export function loadIdentity(): Identity | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<Identity>;
    if (typeof value.playerId !== 'string' || typeof value.name !== 'string' || typeof value.token !== 'string') return null;
    const role = ROLES.includes(value.role as Role) ? (value.role as Role) : 'learner';
    return { playerId: value.playerId, name: value.name, token: value.token, role, guest: value.guest === true };
  } catch {
    return null;
  }
}

export function saveIdentity(identity: Identity): void {
  localStorage.setItem(KEY, JSON.stringify(identity));
}

export function clearIdentity(): void {
  localStorage.removeItem(KEY);
}
