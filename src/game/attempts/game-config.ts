/** Runtime knobs of the attempt ticker, read once from the environment when the app starts. */
export interface GameConfig {
  /** Real milliseconds between ticks (CRASHLOOP_TICK_MS, default 1000). */
  tickMs: number;
  /** Virtual milliseconds per real millisecond (CRASHLOOP_TICK_SPEED, default 1 = real time). */
  tickSpeed: number;
  /** Real milliseconds a player's change may wait before its attempt is snapshotted (CRASHLOOP_SNAPSHOT_MS, default 15000). */
  snapshotMs: number;
  /** Lifetime of a session token (CRASHLOOP_SESSION_HOURS, default 168 = one week). */
  sessionTtlMs: number;
  /** Names that become admins when they register (CRASHLOOP_ADMINS, comma-separated); the first account always does. */
  adminNames: string[];
  /** Virtual time an attempt may run before it is abandoned unsolved (CRASHLOOP_ATTEMPT_LIMIT_MINUTES, default 120). */
  attemptLimitMs: number;
  /** Sign-in messages (register, login, guest, claim) per second per connection (CRASHLOOP_AUTH_RATE, default 1). */
  authRate: number;
  /** Sign-in messages a connection may send in a burst (CRASHLOOP_AUTH_BURST, default 5). */
  authBurst: number;
  /** Commands per second a connection may run on average (CRASHLOOP_COMMAND_RATE, default 10). */
  commandRate: number;
  /** Commands a connection may run in a burst (CRASHLOOP_COMMAND_BURST, default 20). */
  commandBurst: number;
}

export const GAME_CONFIG = Symbol('GAME_CONFIG');

export function gameConfigFromEnv(env: NodeJS.ProcessEnv = process.env): GameConfig {
  return {
    tickMs: positiveNumber(env, 'CRASHLOOP_TICK_MS', 1000),
    tickSpeed: positiveNumber(env, 'CRASHLOOP_TICK_SPEED', 1),
    snapshotMs: positiveNumber(env, 'CRASHLOOP_SNAPSHOT_MS', 15_000),
    sessionTtlMs: positiveNumber(env, 'CRASHLOOP_SESSION_HOURS', 168) * 3_600_000,
    adminNames: (env.CRASHLOOP_ADMINS ?? '').split(',').map((n) => n.trim()).filter((n) => n.length > 0),
    attemptLimitMs: positiveNumber(env, 'CRASHLOOP_ATTEMPT_LIMIT_MINUTES', 120) * 60_000,
    authRate: positiveNumber(env, 'CRASHLOOP_AUTH_RATE', 1),
    authBurst: positiveNumber(env, 'CRASHLOOP_AUTH_BURST', 5),
    commandRate: positiveNumber(env, 'CRASHLOOP_COMMAND_RATE', 10),
    commandBurst: positiveNumber(env, 'CRASHLOOP_COMMAND_BURST', 20),
  };
}

function positiveNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`${name} must be a positive number, got "${raw}"`);
  }
  return value;
}
