/**
 * `npx ts-node --transpile-only bench/summarize-profile.ts [file.cpuprofile] [--top=40] [--skip=seconds] [--by=fn|file] [--match=text] [--after=text] [--under=text] [--per=N]`:
 * self and inclusive time per function (or per file) of a V8 .cpuprofile (default: the newest one in
 * bench/results/profiles). `--skip` drops the first seconds (server start-up); `--match` keeps only rows
 * whose name contains the text; `--after` starts at the first sample with a frame containing the text (e.g.
 * `--after=runCommand` skips the server start-up); `--under` keeps only samples below a frame containing the text. Inclusive time counts a function once per sample even when it recurses.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const top = Number(flag('top') ?? 40);
const skipUs = Number(flag('skip') ?? 0) * 1e6;
const by = flag('by') ?? 'fn';
const match = flag('match');
const after = flag('after');
/** `--under=text`: only samples with a frame containing the text (what one caller costs). */
const under = flag('under');
/** `--per=N`: also show microseconds per unit of work (say, the commands the load generator counted). */
const per = flag('per') === undefined ? undefined : Number(flag('per'));
const dir = join(__dirname, 'results', 'profiles');
const file =
  args.find((a) => !a.startsWith('--')) ??
  join(dir, readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).sort((a, b) => statSync(join(dir, b)).mtimeMs - statSync(join(dir, a)).mtimeMs)[0]!);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const root = join(__dirname, '..');

function shortUrl(url: string): string {
  const path = url.replace(/^file:\/\//, '');
  const nm = path.lastIndexOf('node_modules/');
  if (nm >= 0) return path.slice(nm + 'node_modules/'.length);
  return path.startsWith('/') ? relative(root, path) : path;
}

const keyOf = new Map<number, string>();
/** function name and place, whatever `--by` groups on: what `--after` and idle detection look at */
const fnOf = new Map<number, string>();
const parent = new Map<number, number>();
for (const n of profile.nodes) {
  const { functionName, url, lineNumber } = n.callFrame;
  const where = url ? shortUrl(url) : '';
  const fn = `${functionName || '(anonymous)'} ${where}${where ? `:${lineNumber + 1}` : ''}`;
  fnOf.set(n.id, fn);
  keyOf.set(n.id, by === 'file' ? where || `(${functionName || 'native'})` : fn);
  for (const c of n.children ?? []) parent.set(c, n.id);
}

const self = new Map<string, number>();
const inclusive = new Map<string, number>();
let total = 0;
let idle = 0;
let t = profile.startTime;
const start = profile.startTime;
let started = after === undefined;
for (let i = 0; i < profile.samples.length; i++) {
  const dt = profile.timeDeltas[i + 1] ?? 0; // the time until the next sample is attributed to this one
  t += profile.timeDeltas[i]!;
  if (t - start < skipUs) continue;
  const id = profile.samples[i]!;
  if (!started) {
    for (let n: number | undefined = id; n !== undefined && !started; n = parent.get(n)) started = fnOf.get(n)!.includes(after!);
    if (!started) continue;
  }
  const leaf = keyOf.get(id)!;
  if (fnOf.get(id)!.startsWith('(idle)')) {
    idle += dt;
    continue;
  }
  if (under !== undefined) {
    let hit = false;
    for (let n: number | undefined = id; n !== undefined && !hit; n = parent.get(n)) hit = fnOf.get(n)!.includes(under);
    if (!hit) continue;
  }
  total += dt;
  self.set(leaf, (self.get(leaf) ?? 0) + dt);
  const seen = new Set<string>();
  for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
    const k = keyOf.get(n)!;
    if (seen.has(k)) continue;
    seen.add(k);
    inclusive.set(k, (inclusive.get(k) ?? 0) + dt);
  }
}

const ms = (us: number) => (us / 1000).toFixed(0).padStart(7);
const pct = (us: number) => `${((100 * us) / total).toFixed(1).padStart(5)}%${per ? ` ${(us / per).toFixed(2).padStart(7)} µs` : ''}`;
function table(title: string, m: Map<string, number>): void {
  process.stdout.write(`\n${title}\n`);
  const rows = [...m].filter(([k]) => !match || k.includes(match)).sort((a, b) => b[1] - a[1]).slice(0, top);
  for (const [k, v] of rows) process.stdout.write(`${ms(v)} ms ${pct(v)}  ${k}\n`);
}
process.stdout.write(`${relative(process.cwd(), file)}: busy ${ms(total)} ms, idle ${ms(idle)} ms\n`);
table('self time', self);
table('inclusive time', inclusive);
