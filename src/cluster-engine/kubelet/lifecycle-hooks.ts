import { Container, LifecycleHandler, Pod } from '../api/types';
import { ImageBehaviour } from '../runtime/image-behaviour';
import { resolvePort } from './probes';

/** What running a postStart / preStop handler against the image did. */
export interface HookOutcome {
  ok: boolean;
  /** How long the handler ran (a `sleep`, a slow script). */
  durationMs: number;
  /** The handler runner's error message (`pkg/kubelet/lifecycle/handlers.go`), kept for the waiting message. */
  message: string;
}

/** `format.Pod`: `<name>_<namespace>(<uid>)`. */
export function podRef(pod: Pod): string {
  return `${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`;
}

/**
 * Runs one lifecycle handler as the kubelet's handler runner does, answered by the image's behaviour:
 * exec commands (`sleep N`, `exit N`, `cat FILE`, `false`, chained with `&&` or `;`), httpGet/tcpSocket
 * against the ports the process listens on (an HTTP status never fails a hook, only the connection), and sleep.
 */
export function runHook(handler: LifecycleHandler, c: Container, b: ImageBehaviour, pod: Pod, podIP: string, upForMs: number): HookOutcome {
  const who = `for Container "${c.name}" in Pod "${podRef(pod)}"`;
  if (handler.sleep) return { ok: true, durationMs: Math.max(0, handler.sleep.seconds) * 1000, message: '' };
  if (handler.exec) {
    const command = handler.exec.command ?? [];
    const r = runScript(command, b);
    if (r.code === 0) return { ok: true, durationMs: r.durationMs, message: '' };
    const err = `command '${command.join(' ')}' exited with ${r.code}: ${r.output}`;
    return { ok: false, durationMs: r.durationMs, message: `Exec lifecycle hook ([${command.join(' ')}]) ${who} failed - error: ${err}, message: ${JSON.stringify(r.output)}` };
  }
  const up = upForMs >= (b.readyAfterSeconds ?? 0) * 1000;
  const target = handler.httpGet ?? handler.tcpSocket;
  if (!target) return { ok: true, durationMs: 0, message: '' };
  const host = target.host || podIP;
  const port = resolvePort(target.port, c);
  const listening = port !== undefined && up && (b.listens ?? []).includes(port);
  if (handler.httpGet) {
    const path = handler.httpGet.path ?? '';
    const url = `${(handler.httpGet.scheme ?? 'HTTP').toLowerCase()}://${host}:${port ?? target.port}${path.startsWith('/') || !path ? path : `/${path}`}`;
    if (listening) return { ok: true, durationMs: 0, message: '' };
    const err = port === undefined ? `strconv.Atoi: parsing "${target.port}": invalid syntax` : `Get "${url}": dial tcp ${host}:${port}: connect: connection refused`;
    return { ok: false, durationMs: 0, message: `HTTP lifecycle hook (${path}) ${who} failed - error: ${err}` };
  }
  if (listening) return { ok: true, durationMs: 0, message: '' };
  return { ok: false, durationMs: 0, message: `TCP lifecycle hook ${who} failed - error: dial tcp ${host}:${port ?? target.port}: connect: connection refused` };
}

/** A tiny shell for hook commands: each step may sleep, fail, or read a file the image may not have. */
function runScript(command: string[], b: ImageBehaviour): { code: number; output: string; durationMs: number } {
  const script = command.length >= 3 && /(^|\/)(ba)?sh$/.test(command[0]) && command[1] === '-c' ? command[2] : command.join(' ');
  const has = (f: string) => (b.files ?? []).includes(f);
  let durationMs = 0;
  for (const step of script.split(/&&|;|\n/).map((x) => x.trim()).filter(Boolean)) {
    const [cmd, ...args] = step.split(/\s+/);
    const name = cmd.replace(/^.*\//, '');
    const file = args.find((a) => !a.startsWith('-'));
    if (name === 'sleep') durationMs += (Number.parseFloat(args[0] ?? '0') || 0) * 1000;
    else if (name === 'exit') {
      const code = Number.parseInt(args[0] ?? '0', 10) || 0;
      if (code !== 0) return { code, output: '', durationMs };
      break;
    } else if (name === 'false') return { code: 1, output: '', durationMs };
    else if (name === 'cat' && file && !has(file)) return { code: 1, output: `cat: can't open '${file}': No such file or directory\n`, durationMs };
    else if (name === 'ls' && file && !has(file)) return { code: 1, output: `ls: ${file}: No such file or directory\n`, durationMs };
    else if ((name === 'test' || name === '[') && file && !has(file)) return { code: 1, output: '', durationMs };
  }
  return { code: 0, output: '', durationMs };
}
