import { Pod } from '../api/types';
import { badRequest } from '../api/errors';
import { ContainerRecord } from '../kubelet/state';
import { containerFiles } from '../kubelet/volumes';
import { CLUSTER_DNS_IP } from '../services/kubernetes-service';
import { ImageBehaviour } from './image-behaviour';
import { behaviourOf, parseImageRef } from './registry';
import { apiServerAnswer, connect, httpAnswer, isIPv4, NetworkView, reasonPhrase, resolveHost, searchDomains } from './exec-network';

/** What `pods/exec` produced: the process's streams and exit code, or a failure before it could start. */
export type ExecOutcome =
  | { kind: 'ran'; stdout: string; stderr: string; exitCode: number }
  /** kubectl prints `error: unable to upgrade connection: <message>` */
  | { kind: 'upgrade-failed'; message: string }
  /** kubectl prints `Error from server: <message>` */
  | { kind: 'server-error'; message: string };

export interface ExecRequest {
  pod: Pod;
  container: string;
  command: string[];
  stdin?: string;
  kubeletRunning: boolean;
}

type Result = { stdout: string; stderr: string; exitCode: number };
const ran = (stdout = '', stderr = '', exitCode = 0): Result => ({ stdout, stderr, exitCode });

const BUSYBOX_TOOLS = ['sh', 'ash', 'ls', 'cat', 'env', 'printenv', 'echo', 'hostname', 'wget', 'nslookup', 'sleep', 'true', 'false', 'pwd', 'id', 'whoami', 'test', '['];
const DEBIAN_TOOLS = ['sh', 'bash', 'dash', 'ls', 'cat', 'env', 'printenv', 'echo', 'hostname', 'curl', 'sleep', 'true', 'false', 'pwd', 'id', 'whoami', 'test', '['];

interface Proc {
  v: NetworkView;
  pod: Pod;
  rec: ContainerRecord;
  behaviour: ImageBehaviour;
  busybox: boolean;
  binaries: string[];
  files: Map<string, string>;
  stdin: string;
}

/**
 * The `pods/exec` subresource: runs a simulated process in a running container. Programs see the
 * container's environment as it was started, its mounted files, and the cluster network (DNS, kube-proxy,
 * the processes listening in other pods). Which programs exist depends on the image family.
 */
export function execInContainer(v: NetworkView, req: ExecRequest): ExecOutcome {
  const { pod, container } = req;
  if (!pod.spec.nodeName) throw badRequest(`pod ${pod.metadata.name} does not have a host assigned`);
  const c = [...(pod.spec.initContainers ?? []), ...pod.spec.containers].find((x) => x.name === container);
  if (!c) throw badRequest(`container ${container} is not valid for pod ${pod.metadata.name}`);
  if (!req.kubeletRunning) {
    return { kind: 'server-error', message: `error dialing backend: dial tcp ${pod.status.hostIP ?? ''}:10250: connect: connection refused` };
  }
  const init = !pod.spec.containers.includes(c);
  const rec = v.podRecord(pod)?.containers[init ? `init:${c.name}` : c.name];
  if (!rec || rec.phase !== 'running') return { kind: 'upgrade-failed', message: `container not found ("${container}")` };
  const ref = parseImageRef(rec.image);
  const behaviour = ref ? behaviourOf(v.ctx.registry, ref) : {};
  const path = ref?.path ?? '';
  const busybox = /busybox|alpine|curlimages\/curl/.test(path);
  const binaries = behaviour.binaries ?? (/netshoot/.test(path) ? [...new Set([...DEBIAN_TOOLS, ...BUSYBOX_TOOLS])] : busybox ? [...BUSYBOX_TOOLS, ...(/curl/.test(path) ? ['curl'] : [])] : DEBIAN_TOOLS);
  const proc: Proc = { v, pod, rec, behaviour, busybox, binaries, files: containerFiles(v.ctx.api, pod, c, behaviour.files), stdin: req.stdin ?? '' };
  const [cmd] = req.command;
  const base = cmd.split('/').pop()!;
  if (!proc.binaries.includes(base) || (cmd.includes('/') && !/^\/(usr\/)?s?bin\//.test(cmd))) {
    const why = cmd.includes('/') ? `exec: "${cmd}": stat ${cmd}: no such file or directory` : `exec: "${cmd}": executable file not found in $PATH`;
    return { kind: 'ran', stdout: `OCI runtime exec failed: exec failed: unable to start container process: ${why}: unknown\n`, stderr: '', exitCode: 126 };
  }
  return { kind: 'ran', ...run(proc, req.command) };
}

function run(p: Proc, argv: string[]): Result {
  const [cmd, ...args] = argv;
  const name = cmd.split('/').pop()!;
  if (!p.binaries.includes(name)) {
    return p.busybox ? ran('', `sh: ${cmd}: not found\n`, 127) : ran('', `sh: 1: ${cmd}: not found\n`, 127);
  }
  switch (name) {
    case 'sh':
    case 'ash':
    case 'bash':
    case 'dash':
      return shell(p, args);
    case 'env':
      return args.length ? run(p, args) : ran(envLines(p));
    case 'printenv': {
      if (!args.length) return ran(envLines(p));
      const env = environment(p);
      const found = args.filter((a) => env[a] !== undefined);
      return ran(found.map((a) => `${env[a]}\n`).join(''), '', found.length === args.length ? 0 : 1);
    }
    case 'echo':
      return ran(`${args.join(' ')}\n`);
    case 'hostname':
      return ran(`${p.pod.metadata.name}\n`);
    case 'pwd':
      return ran('/\n');
    case 'id':
      return ran('uid=0(root) gid=0(root) groups=0(root)\n');
    case 'whoami':
      return ran('root\n');
    case 'true':
    case 'sleep':
      return ran();
    case 'false':
      return ran('', '', 1);
    case 'test':
    case '[':
      return testCmd(p, args);
    case 'cat':
      return cat(p, args);
    case 'ls':
      return ls(p, args);
    case 'curl':
      return curl(p, args);
    case 'wget':
      return wget(p, args);
    case 'nslookup':
      return nslookup(p, args);
    default:
      return ran();
  }
}

// ---------------------------------------------------------------- sh -c

/** Splits a `sh -c` script into words (single and double quotes, `$VAR`), and runs `;` / `&&` / `||` lists. */
function shell(p: Proc, args: string[]): Result {
  if (args[0] !== '-c') return ran();
  const script = args[1] ?? '';
  const env = environment(p);
  const tokens: string[] = [];
  let cur = '';
  let has = false;
  for (let i = 0; i < script.length; i++) {
    const ch = script[i];
    if (ch === "'") {
      const end = script.indexOf("'", i + 1);
      cur += script.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? script.length : end;
      has = true;
    } else if (ch === '"') {
      const end = script.indexOf('"', i + 1);
      cur += expandVars(script.slice(i + 1, end < 0 ? undefined : end), env);
      i = end < 0 ? script.length : end;
      has = true;
    } else if (/\s/.test(ch)) {
      if (has) tokens.push(cur);
      cur = '';
      has = false;
    } else if (ch === ';' || ((ch === '&' || ch === '|') && script[i + 1] === ch)) {
      if (has) tokens.push(cur);
      tokens.push(ch === ';' ? ';' : ch + ch);
      if (ch !== ';') i++;
      cur = '';
      has = false;
    } else if (ch === '$') {
      const m = script.slice(i + 1).match(/^(\{[A-Za-z_][A-Za-z0-9_]*\}|[A-Za-z_][A-Za-z0-9_]*)/);
      if (m) {
        cur += env[m[1].replace(/[{}]/g, '')] ?? '';
        i += m[1].length;
      } else cur += ch;
      has = true;
    } else {
      cur += ch;
      has = true;
    }
  }
  if (has) tokens.push(cur);
  let out = ran();
  let words: string[] = [];
  let op = ';';
  const flush = () => {
    if (!words.length) return;
    const skip = (op === '&&' && out.exitCode !== 0) || (op === '||' && out.exitCode === 0);
    if (!skip) {
      const r = run(p, words);
      out = { stdout: out.stdout + r.stdout, stderr: out.stderr + r.stderr, exitCode: r.exitCode };
    }
    words = [];
  };
  for (const t of tokens) {
    if (t === ';' || t === '&&' || t === '||') {
      flush();
      op = t;
    } else words.push(t);
  }
  flush();
  return out;
}

function expandVars(text: string, env: Record<string, string>): string {
  return text.replace(/\$(\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g, (_m, _a, b, c) => env[b ?? c] ?? '');
}

// ---------------------------------------------------------------- environment

const PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

function environment(p: Proc): Record<string, string> {
  return { PATH, HOSTNAME: p.pod.metadata.name, ...(p.rec.env ?? {}), ...(p.rec.serviceEnv ?? {}), HOME: '/root' };
}

function envLines(p: Proc): string {
  return Object.entries(environment(p))
    .map(([k, val]) => `${k}=${val}\n`)
    .join('');
}

// ---------------------------------------------------------------- files

const ROOT_DIRS = ['bin', 'dev', 'etc', 'home', 'lib', 'proc', 'root', 'run', 'sbin', 'sys', 'tmp', 'usr', 'var'];

function normalize(path: string): string {
  const parts: string[] = [];
  for (const seg of path.split('/')) {
    if (!seg || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return `/${parts.join('/')}`;
}

/** Entries directly inside `dir`, or undefined when it is not a directory. */
function listDir(p: Proc, dir: string): string[] | undefined {
  const d = normalize(dir);
  const prefix = d === '/' ? '/' : `${d}/`;
  const entries = new Set<string>(d === '/' ? ROOT_DIRS : []);
  let isDir = d === '/' || ROOT_DIRS.includes(d.slice(1));
  for (const key of p.files.keys()) {
    if (!key.startsWith(prefix) || key === prefix) {
      if (key === prefix) isDir = true;
      continue;
    }
    isDir = true;
    const rest = key.slice(prefix.length);
    const name = rest.split('/')[0];
    if (name) entries.add(name);
  }
  return isDir ? [...entries].sort() : undefined;
}

function readFile(p: Proc, path: string): { content?: string; dir: boolean } {
  const n = normalize(path);
  if (p.files.has(n)) return { content: p.files.get(n), dir: false };
  return { dir: listDir(p, n) !== undefined };
}

function cat(p: Proc, args: string[]): Result {
  const files = args.filter((a) => a !== '-' && !/^-[a-zA-Z]+$/.test(a));
  if (files.length === 0) return ran(p.stdin);
  let stdout = '';
  let stderr = '';
  let code = 0;
  for (const f of files) {
    const r = readFile(p, f);
    if (r.content !== undefined) stdout += r.content;
    else {
      code = 1;
      if (r.dir) stderr += p.busybox ? 'cat: read error: Is a directory\n' : `cat: ${f}: Is a directory\n`;
      else stderr += p.busybox ? `cat: can't open '${f}': No such file or directory\n` : `cat: ${f}: No such file or directory\n`;
    }
  }
  return ran(stdout, stderr, code);
}

function ls(p: Proc, args: string[]): Result {
  const all = args.some((a) => /^-[a-zA-Z]*a/.test(a));
  const paths = args.filter((a) => !a.startsWith('-'));
  const targets = paths.length ? paths : ['.'];
  let stdout = '';
  let stderr = '';
  let code = 0;
  const many = targets.length > 1;
  targets.forEach((t, i) => {
    const path = t === '.' ? '/' : t;
    const n = normalize(path);
    if (p.files.has(n)) {
      stdout += `${t}\n`;
      return;
    }
    const entries = listDir(p, n);
    if (!entries) {
      code = p.busybox ? 1 : 2;
      stderr += p.busybox ? `ls: ${t}: No such file or directory\n` : `ls: cannot access '${t}': No such file or directory\n`;
      return;
    }
    // A configMap / secret volume keeps its files behind `..data` symlinks (visible with -a).
    const mounted = entries.length > 0 && isVolumeDir(p, n);
    const shown = all ? ['.', '..', ...(mounted ? ['..data'] : []), ...entries] : entries;
    if (many) stdout += `${i ? '\n' : ''}${t}:\n`;
    stdout += shown.map((e) => `${e}\n`).join('');
  });
  return ran(stdout, stderr, code);
}

function isVolumeDir(p: Proc, dir: string): boolean {
  return p.pod.spec.containers.flatMap((c) => (Array.isArray(c.volumeMounts) ? c.volumeMounts : [])).some((m) => typeof m?.mountPath === 'string' && normalize(m.mountPath) === dir && !m.subPath);
}

function testCmd(p: Proc, args: string[]): Result {
  const a = args[args.length - 1] === ']' ? args.slice(0, -1) : args;
  if (a.length === 2 && ['-f', '-e', '-d', '-s'].includes(a[0])) {
    const r = readFile(p, a[1]);
    const ok = a[0] === '-d' ? r.dir : a[0] === '-e' ? r.dir || r.content !== undefined : a[0] === '-s' ? !!r.content : r.content !== undefined;
    return ran('', '', ok ? 0 : 1);
  }
  return ran('', '', a.length > 0 && a[0] !== '' ? 0 : 1);
}

// ---------------------------------------------------------------- network clients

interface Url {
  https: boolean;
  host: string;
  port: number;
  path: string;
}

function parseUrl(raw: string): Url | undefined {
  const m = raw.match(/^(?:(https?):\/\/)?([^/:?#]+)(?::(\d+))?([^?#]*)?(\?[^#]*)?/i);
  if (!m) return undefined;
  const scheme = (m[1] ?? 'http').toLowerCase();
  return { https: scheme === 'https', host: m[2], port: m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80, path: m[4] || '/' };
}

type Fetch =
  | { kind: 'unresolved' }
  | { kind: 'refused'; ip: string }
  | { kind: 'timeout'; ip: string }
  /** `tls`: the server speaks HTTPS (only the API server here); a plain-HTTP process cannot answer a TLS hello. */
  | { kind: 'http'; ip: string; code: number; body: string; tls: boolean };

function fetch(p: Proc, url: Url): Fetch {
  const resolved = resolveHost(p.v, url.host, p.pod.metadata.namespace ?? 'default');
  if (!resolved) return { kind: 'unresolved' };
  const ip = resolved.ips[0];
  const api = apiServerAnswer(p.v, ip, url.port, url.path);
  if (api) return url.https ? { kind: 'http', ip, ...api, tls: true } : { kind: 'http', ip, code: 400, body: 'Client sent an HTTP request to an HTTPS server.\n', tls: true };
  const c = connect(p.v, p.pod, ip, url.port);
  if (!c.ok) return { kind: c.why, ip };
  const { code, body } = httpAnswer(c.pod, c.behaviour)(url.path);
  return { kind: 'http', ip, code, body, tls: false };
}

const PROGRESS_HEAD = '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n';

function progress(bytes: number): string {
  if (bytes === 0) return `${PROGRESS_HEAD}  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0\n`;
  // curl's meter: sizes in 5 columns, speeds in 6; the transfer takes about a millisecond in-cluster.
  const n = String(bytes).padStart(5);
  const perSecond = bytes * 1000;
  const speed = perSecond < 100_000 ? String(perSecond) : `${Math.floor(perSecond / 1024)}k`;
  return `${PROGRESS_HEAD}100 ${n}  100 ${n}    0     0 ${speed.padStart(6)} ${'0'.padStart(6)} --:--:-- --:--:-- --:--:-- ${speed.padStart(5)}\n`;
}

const CURL_VALUE_FLAGS = new Set(['-o', '--output', '-w', '--write-out', '-m', '--max-time', '--connect-timeout', '-H', '--header', '-X', '--request', '-d', '--data', '-A', '--user-agent', '-u', '--user', '--retry', '--cacert']);

function curl(p: Proc, args: string[]): Result {
  const opts = new Map<string, string | true>();
  const urls: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (CURL_VALUE_FLAGS.has(a)) opts.set(a, args[++i] ?? '');
    else if (a.startsWith('--')) opts.set(a.split('=')[0], a.includes('=') ? a.slice(a.indexOf('=') + 1) : true);
    else if (a.startsWith('-') && a.length > 1) for (const ch of a.slice(1)) opts.set(`-${ch}`, true);
    else urls.push(a);
  }
  const has = (...names: string[]) => names.some((n) => opts.has(n));
  const silent = has('-s', '--silent');
  const showErrors = !silent || has('-S', '--show-error');
  if (urls.length === 0) return ran('', "curl: try 'curl --help' or 'curl --manual' for more information\n", 2);
  const url = parseUrl(urls[0]);
  if (!url) return ran('', `curl: (3) URL rejected: Malformed input to a URL function\n`, 3);
  const out = has('-o', '--output') ? String(opts.get('-o') ?? opts.get('--output')) : undefined;
  const meter = !silent && !has('-v', '--verbose');
  const fail = (code: number, msg: string) => ran('', `${meter ? progress(0) : ''}${showErrors ? `curl: (${code}) ${msg}\n` : ''}`, code);
  const r = fetch(p, url);
  if (r.kind === 'unresolved') return fail(6, `Could not resolve host: ${url.host}`);
  if (r.kind === 'refused') return fail(7, `Failed to connect to ${url.host} port ${url.port} after 1 ms: Couldn't connect to server`);
  if (r.kind === 'timeout') return fail(28, `Failed to connect to ${url.host} port ${url.port} after 130001 ms: Timeout was reached`);
  if (url.https && !r.tls) return fail(35, 'OpenSSL/3.3.2: error:0A00010B:SSL routines::wrong version number');
  if (url.https && !has('-k', '--insecure', '--cacert')) {
    return fail(60, 'SSL certificate problem: unable to get local issuer certificate\nMore details here: https://curl.se/docs/sslcerts.html\n\ncurl failed to verify the legitimacy of the server and therefore could not\nestablish a secure connection to it. To learn more about this situation and\nhow to fix it, please visit the web page mentioned above.');
  }
  if (has('-f', '--fail') && r.code >= 400) return fail(22, `The requested URL returned error: ${r.code}`);
  const head = `HTTP/1.1 ${r.code} ${reasonPhrase(r.code)}\r\nContent-Type: text/html\r\nContent-Length: ${Buffer.byteLength(r.body)}\r\n\r\n`;
  let body = has('-I', '--head') ? head : has('-i', '--include') ? head + r.body : r.body;
  if (out !== undefined) body = '';
  const writeOut = opts.get('-w') ?? opts.get('--write-out');
  if (typeof writeOut === 'string') body += writeOut.replace(/%\{http_code\}/g, String(r.code)).replace(/%\{remote_ip\}/g, r.ip).replace(/\\n/g, '\n');
  return ran(body, meter ? progress(Buffer.byteLength(r.body)) : '', 0);
}

function wget(p: Proc, args: string[]): Result {
  let quiet = false;
  let output: string | undefined;
  let spider = false;
  const urls: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-O') output = args[++i];
    else if (a.startsWith('-O')) output = a.slice(2);
    else if (a === '--spider') spider = true;
    else if (a === '-T' || a === '--timeout') i++;
    else if (/^-[a-zA-Z]/.test(a) && !a.startsWith('--')) {
      // Combined short options, `-qO-`: `O` takes the rest of the word, or the next one.
      for (let j = 1; j < a.length; j++) {
        if (a[j] === 'q') quiet = true;
        else if (a[j] === 'O') {
          output = j + 1 < a.length ? a.slice(j + 1) : args[++i];
          break;
        }
      }
    } else if (!a.startsWith('-')) urls.push(a);
  }
  if (urls.length === 0) return ran('', 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n', 1);
  const url = parseUrl(urls[0]);
  if (!url) return ran('', `wget: bad address '${urls[0]}'\n`, 1);
  const r = fetch(p, url);
  if (r.kind === 'unresolved') return ran('', `wget: bad address '${url.host}'\n`, 1);
  const connecting = quiet ? '' : `Connecting to ${url.host}${isIPv4(url.host) ? '' : ` (${r.ip}:${url.port})`}\n`;
  if (r.kind === 'refused') return ran('', `${connecting}wget: can't connect to remote host (${r.ip}): Connection refused\n`, 1);
  if (r.kind === 'timeout') return ran('', `${connecting}wget: download timed out\n`, 1);
  if (r.code >= 400) return ran('', `${connecting}wget: server returned error: HTTP/1.1 ${r.code} ${reasonPhrase(r.code)}\n`, 1);
  if (spider) return ran('', connecting + (quiet ? '' : 'remote file exists\n'), 0);
  if (output === '-') return ran(r.body, connecting + (quiet ? '' : `writing to stdout\n-                    100% |********************************| ${Buffer.byteLength(r.body)}  0:00:00 ETA\nwritten to stdout\n`), 0);
  const file = output ?? (url.path.split('/').pop() || 'index.html');
  return ran('', quiet ? '' : `${connecting}saving to '${file}'\n${file.padEnd(20)} 100% |********************************| ${Buffer.byteLength(r.body)}  0:00:00 ETA\n'${file}' saved\n`, 0);
}

function nslookup(p: Proc, args: string[]): Result {
  const name = args.find((a) => !a.startsWith('-'));
  if (!name) return ran('', 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n', 1);
  const header = `Server:\t\t${CLUSTER_DNS_IP}\nAddress:\t${CLUSTER_DNS_IP}:53\n\n`;
  const resolved = isIPv4(name) ? undefined : resolveHost(p.v, name, p.pod.metadata.namespace ?? 'default');
  if (!resolved) {
    const tried = name.endsWith('.') ? [name.slice(0, -1)] : [...searchDomains(p.pod.metadata.namespace ?? 'default').map((d) => `${name}.${d}`), name];
    return ran(header + tried.map((t) => `** server can't find ${t}: NXDOMAIN\n\n`).join(''), '', 1);
  }
  return ran(header + resolved.ips.map((ip) => `Name:\t${resolved.fqdn}\nAddress: ${ip}\n`).join('') + '\n');
}

/** A throw-away pod for `kubectl run --rm -i … -- CMD`: what it needs to run one command and go. */
export interface EphemeralRequest {
  namespace: string;
  name: string;
  image: string;
  command: string[];
  stdin?: string;
  /** The node the scheduler would pick and its pod address (only used by the network). */
  nodeName: string;
  podIP: string;
}

/**
 * Runs a command in a pod that lives only for that command (kubectl run --rm -i): the image must be
 * pullable; the process sees the namespace's service links, DNS and network like any pod. Undefined when
 * the image cannot be pulled (kubectl then times out waiting for the pod).
 */
export function runEphemeral(v: NetworkView, req: EphemeralRequest, serviceEnv: Record<string, string>): ExecOutcome | undefined {
  const ref = parseImageRef(req.image);
  if (!ref || !v.ctx.registry.pull(ref, false).ok) return undefined;
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: req.name, namespace: req.namespace, uid: `ephemeral-${req.name}` },
    spec: { nodeName: req.nodeName, containers: [{ name: req.name, image: req.image, args: req.command }], serviceAccountName: 'default' },
    status: { phase: 'Running', podIP: req.podIP },
  };
  const rec: ContainerRecord = { name: req.name, init: false, image: req.image, phase: 'running', restartCount: 0, logs: [], started: true, ready: true, probes: {}, startedMs: v.ctx.clock.nowMs(), env: {}, serviceEnv };
  const view: NetworkView = { ctx: v.ctx, podRecord: (p) => (p === pod ? { uid: pod.metadata.uid!, namespace: req.namespace, name: req.name, ip: req.podIP, startedMs: rec.startedMs!, containers: { [req.name]: rec }, nextSyncMs: 0 } : v.podRecord(p)) };
  return execInContainer(view, { pod, container: req.name, command: req.command, stdin: req.stdin, kubeletRunning: true });
}
