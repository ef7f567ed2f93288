import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * What a session token carries: who, until when (ms since the epoch), its own id (to revoke it alone, on
 * logout) and the player's token generation when it was issued (bumping it revokes every older token).
 * The role is read from the database. Tokens from before revocation existed have neither jti nor gen.
 */
export interface SessionClaims {
  sub: string;
  exp: number;
  jti?: string;
  gen?: number;
}

/** `<base64url(JSON claims)>.<base64url(HMAC-SHA256(secret, payload))>` — a minimal signed token. */
export function signSession(claims: SessionClaims, secret: Buffer): string {
  const payload = Buffer.from(JSON.stringify({ sub: claims.sub, exp: claims.exp, jti: claims.jti, gen: claims.gen })).toString('base64url');
  return `${payload}.${mac(payload, secret)}`;
}

/** The claims of a well-signed, unexpired token; null otherwise (never throws). */
export function verifySession(token: string, secret: Buffer, nowMs: number): SessionClaims | null {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(mac(payload, secret), 'base64url');
  const actual = Buffer.from(signature, 'base64url');
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!isClaims(claims) || claims.exp <= nowMs) return null;
  return claims;
}

function mac(payload: string, secret: Buffer): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

function isClaims(value: unknown): value is SessionClaims {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.sub === 'string' &&
    typeof v.exp === 'number' &&
    (v.jti === undefined || typeof v.jti === 'string') &&
    (v.gen === undefined || (typeof v.gen === 'number' && Number.isInteger(v.gen)))
  );
}
