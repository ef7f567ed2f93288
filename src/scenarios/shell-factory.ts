import { Cluster } from '../cluster-engine';
import { CommandResult } from './session.types';

/** What a session needs from the terminal side: run a line, and carry its state (files, node login) in snapshots. */
export interface CommandShell {
  run(line: string): CommandResult;
  snapshot(): unknown;
}

/** Placeholder until the kubectl shell lands; replaced by the real Shell wiring. */
export function createShell(_cluster: Cluster, _files: Record<string, string>, _state?: unknown): CommandShell {
  return {
    run: () => ({ stdout: '', stderr: 'shell not available', exitCode: 1 }),
    snapshot: () => ({}),
  };
}
