import { CommandResult } from '../result';
import { VerbContext } from './verb';

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', '/bin/sh', '/bin/bash', '/bin/ash']);

/** Whether `kubectl run --rm -i[t] NAME --image=… -- CMD` is the one-shot debug-pod idiom this terminal can play. */
export function isOneShot(ctx: VerbContext, args: string[]): boolean {
  const f = ctx.flags;
  return f.bool('rm') && (f.bool('stdin') || f.bool('tty')) && args.length > 0 && !(args.length === 1 && SHELLS.has(args[0]));
}

/**
 * The debug-pod idiom: the pod runs the command, kubectl prints its output, then deletes it
 * (`pod "tmp" deleted`). A failing command ends with `error: pod ns/name terminated (Error)`; an image
 * that cannot be pulled with kubectl giving up on the pod.
 */
export function runOnce(ctx: VerbContext, name: string, image: string, command: string[]): CommandResult {
  const ns = ctx.namespace;
  if (ctx.cluster.api.tryGet('Pod', ns, name)) return { stdout: '', stderr: `Error from server (AlreadyExists): pods "${name}" already exists\n`, exitCode: 1 };
  const deleted = `pod "${name}" deleted\n`;
  const r = ctx.cluster.runEphemeral(ns, name, image, command, ctx.stdin);
  if (!r) return { stdout: deleted, stderr: 'error: timed out waiting for the condition\n', exitCode: 1 };
  if (r.kind !== 'ran') return { stdout: deleted, stderr: `error: ${r.message}\n`, exitCode: 1 };
  if (r.exitCode === 126 || r.exitCode === 127) {
    return { stdout: deleted, stderr: `${r.stdout}${r.stderr}error: pod ${ns}/${name} terminated (StartError)\n`, exitCode: 1 };
  }
  if (r.exitCode !== 0) return { stdout: r.stdout + deleted, stderr: `${r.stderr}error: pod ${ns}/${name} terminated (Error)\n`, exitCode: 1 };
  return { stdout: r.stdout + deleted, stderr: r.stderr, exitCode: 0 };
}
