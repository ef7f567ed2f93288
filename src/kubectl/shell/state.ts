import { NodeLogin } from '../node-shell/node-shell';
import { HOME } from './vfs';

/** Everything about a shell session besides its files: plain JSON, so it snapshots with the session. */
export interface ShellState {
  cwd: string;
  env: Record<string, string>;
  login: NodeLogin;
  lastExitCode: number;
  /** Lines typed, oldest first (the last HISTORY_SIZE); absent in older snapshots. */
  history?: string[];
  /** How many lines were dropped from the front of `history` (its first entry's number minus one). */
  historyBase?: number;
}

export function newShellState(): ShellState {
  return { cwd: HOME, env: { HOME, USER: 'root', SHELL: '/bin/bash', PATH: '/usr/local/bin:/usr/bin:/bin' }, login: {}, lastExitCode: 0 };
}
