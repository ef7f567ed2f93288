/** Runtime knobs of the attempt ticker, read once from the environment when the app starts. */
export interface GameConfig {
  /** Real milliseconds between ticks (CRASHLOOP_TICK_MS, default 1000). */
  tickMs: number;
  /** Virtual milliseconds per real millisecond (CRASHLOOP_TICK_SPEED, default 1 = real time). */
  tickSpeed: number;
  /** Real milliseconds between snapshots of active attempts (CRASHLOOP_SNAPSHOT_MS, default 15000). */
  snapshotMs: number;
}

export const GAME_CONFIG = Symbol('GAME_CONFIG');

export function gameConfigFromEnv(env: NodeJS.ProcessEnv = process.env): GameConfig {
  return {
    tickMs: positiveNumber(env, 'CRASHLOOP_TICK_MS', 1000),
    tickSpeed: positiveNumber(env, 'CRASHLOOP_TICK_SPEED', 1),
    snapshotMs: positiveNumber(env, 'CRASHLOOP_SNAPSHOT_MS', 15_000),
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
