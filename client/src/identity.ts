/** The player's identity, kept in localStorage so a reload or reconnect stays signed in. */
export interface Identity {
  playerId: string;
  name: string;
  token: string;
}

const KEY = 'crashloop.identity';

export function loadIdentity(): Identity | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<Identity>;
    return typeof value.playerId === 'string' && typeof value.name === 'string' && typeof value.token === 'string'
      ? { playerId: value.playerId, name: value.name, token: value.token }
      : null;
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
