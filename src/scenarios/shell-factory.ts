import { Cluster } from '../cluster-engine';
import { Shell, ShellState, VfsData, VirtualFs } from '../kubectl';
import { CommandResult, Completion } from './session.types';
import { CommandStream, PendingEdit } from '../kubectl/result';

/** A shell result before the session gives its running command and open editor ids. */
export type ShellResult = Omit<CommandResult, 'streamId' | 'edit'> & { stream?: CommandStream; edit?: PendingEdit };

/** What a session needs from the terminal side: run a line, complete one, and carry its state (files, node login) in snapshots. */
export interface CommandShell {
  run(line: string): ShellResult;
  complete(line: string): Completion;
  snapshot(): ShellSnapshot;
}

export interface ShellSnapshot {
  files: VfsData;
  state: ShellState;
}

/** The player's shell over the session's cluster, with the scenario's files (or the files of a snapshot). */
export function createShell(cluster: Cluster, files: Record<string, string>, saved?: unknown): CommandShell {
  const snap = saved as ShellSnapshot | undefined;
  const vfs = new VirtualFs(snap?.files ?? files);
  const shell = new Shell(cluster, vfs, snap ? { state: structuredClone(snap.state) } : {});
  return {
    run: (line) => shell.run(line),
    complete: (line) => shell.complete(line),
    snapshot: () => ({ files: vfs.toJSON(), state: structuredClone(shell.state) }),
  };
}
