import { Container, Probe } from '../api/types';
import { ImageBehaviour } from '../runtime/image-behaviour';

export interface ProbeOutcome {
  ok: boolean;
  /** The prober's output on failure, as in `Readiness probe failed: <output>`. */
  output: string;
}

/** Resolves a probe's or lifecycle hook's port, given by number or by the name of a container port. */
export function resolvePort(port: number | string, container: Container): number | undefined {
  if (typeof port === 'number') return port;
  if (/^\d+$/.test(port)) return Number(port);
  return container.ports?.find((p) => p.name === port)?.containerPort;
}

/** Answers a probe from the image's behaviour model, with the real prober's failure texts. */
export function runProbe(probe: Probe, container: Container, behaviour: ImageBehaviour, podIP: string, upForMs: number): ProbeOutcome {
  const up = upForMs >= (behaviour.readyAfterSeconds ?? 0) * 1000;
  const listening = (port: number) => up && (behaviour.listens ?? []).includes(port);
  if (probe.httpGet) {
    const port = resolvePort(probe.httpGet.port, container);
    const path = probe.httpGet.path ?? '/';
    const scheme = (probe.httpGet.scheme ?? 'HTTP').toLowerCase();
    const url = `${scheme}://${podIP}:${port ?? probe.httpGet.port}${path}`;
    if (port === undefined) return { ok: false, output: `strconv.Atoi: parsing "${probe.httpGet.port}": invalid syntax` };
    if (!listening(port)) return { ok: false, output: `Get "${url}": dial tcp ${podIP}:${port}: connect: connection refused` };
    const code = behaviour.http ? behaviour.http[path] ?? 404 : 200;
    return code >= 200 && code < 400 ? { ok: true, output: '' } : { ok: false, output: `HTTP probe failed with statuscode: ${code}` };
  }
  if (probe.tcpSocket) {
    const port = resolvePort(probe.tcpSocket.port, container);
    if (port === undefined) return { ok: false, output: `strconv.Atoi: parsing "${probe.tcpSocket.port}": invalid syntax` };
    return listening(port) ? { ok: true, output: '' } : { ok: false, output: `dial tcp ${podIP}:${port}: connect: connection refused` };
  }
  if (probe.exec) return runExecProbe(probe.exec.command ?? [], behaviour);
  if (probe.grpc) {
    const port = probe.grpc.port;
    return listening(port) ? { ok: true, output: '' } : { ok: false, output: `timeout: failed to connect service "${podIP}:${port}" within 1s: context deadline exceeded` };
  }
  return { ok: true, output: '' };
}

/** exec probes: `cat FILE`, `test -f FILE`, `ls FILE` look at the image's files; anything else succeeds. */
function runExecProbe(command: string[], behaviour: ImageBehaviour): ProbeOutcome {
  const words = command.length >= 3 && /(^|\/)(ba)?sh$/.test(command[0]) && command[1] === '-c' ? command[2].split(/\s+/) : command;
  const [cmd, ...args] = words;
  const file = args.filter((a) => !a.startsWith('-'))[0];
  const has = (f: string) => (behaviour.files ?? []).includes(f);
  if ((cmd === 'cat' || cmd === '/bin/cat') && file && !has(file)) return { ok: false, output: `cat: can't open '${file}': No such file or directory` };
  if ((cmd === 'ls' || cmd === '/bin/ls') && file && !has(file)) return { ok: false, output: `ls: ${file}: No such file or directory` };
  if ((cmd === 'test' || cmd === '[') && file && !has(file)) return { ok: false, output: '' };
  if (cmd === 'false' || cmd === '/bin/false') return { ok: false, output: '' };
  return { ok: true, output: '' };
}
