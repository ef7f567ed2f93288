import { Cluster } from '../../cluster-engine';
import { fail, ok } from '../result';
import type { CommandOutput } from './node-shell';

/** coreutils' human sizes (`df -h`, `du -h`): powers of 1024, rounded up, one decimal below 10. */
function humanSize(bytes: number): string {
  if (bytes === 0) return '0';
  const units = ['', 'K', 'M', 'G', 'T', 'P'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  if (i === 0) return String(Math.ceil(v));
  if (v < 10) {
    const r = Math.ceil(v * 10) / 10;
    return r >= 10 ? `${Math.ceil(r)}${units[i]}` : `${r.toFixed(1)}${units[i]}`;
  }
  return `${Math.ceil(v)}${units[i]}`;
}

function df(cluster: Cluster, node: string, args: string[]): CommandOutput {
  const human = args.some((a) => /^-\w*h/.test(a));
  const { nodefs, memory } = cluster.nodeResourceUsage(node);
  const fmt = (b: number) => (human ? humanSize(b) : String(Math.ceil(b / 1024)));
  const pct = (used: number, avail: number) => (used + avail === 0 ? '-' : `${Math.ceil((used * 100) / (used + avail))}%`);
  const shm = 64 * 1024 * 1024;
  const rows = [
    ['Filesystem', human ? 'Size' : '1K-blocks', 'Used', 'Avail', 'Use%', 'Mounted on'],
    ['/dev/root', fmt(nodefs.capacityBytes), fmt(nodefs.usedBytes), fmt(nodefs.availableBytes), pct(nodefs.usedBytes, nodefs.availableBytes), '/'],
    ['tmpfs', fmt(Math.floor(memory.capacityBytes / 2)), '0', fmt(Math.floor(memory.capacityBytes / 2)), '0%', '/run'],
    ['shm', fmt(shm), '0', fmt(shm), '0%', '/dev/shm'],
  ];
  // GNU df: the file system column is at least 14 wide, sizes at least 5, Use% at least 4; one space between.
  const minimum = [14, 5, 5, 5, 4];
  const widths = rows[0].slice(0, 5).map((_, i) => Math.max(minimum[i], ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => [r[0].padEnd(widths[0]), ...r.slice(1, 5).map((c, i) => c.padStart(widths[i + 1])), r[5]].join(' ');
  return ok(`${rows.map(line).join('\n')}\n`);
}

function free(cluster: Cluster, node: string, args: string[]): CommandOutput {
  const div = args.includes('-g') ? 1024 ** 3 : args.includes('-m') || args.includes('-h') ? 1024 ** 2 : 1024;
  const { memory } = cluster.nodeResourceUsage(node);
  const n = (b: number) => String(Math.floor(b / div)).padStart(12);
  const used = memory.workingSetBytes;
  const lines = [
    `${' '.repeat(7)}${['total', 'used', 'free', 'shared', 'buff/cache', 'available'].map((h) => h.padStart(12)).join('')}`,
    `${'Mem:'.padEnd(7)}${n(memory.capacityBytes)}${n(used)}${n(memory.availableBytes)}${n(0)}${n(0)}${n(memory.availableBytes)}`,
    `${'Swap:'.padEnd(7)}${n(0)}${n(0)}${n(0)}`,
  ];
  return ok(`${lines.join('\n')}\n`);
}

function ps(cluster: Cluster, node: string): CommandOutput {
  const { memory } = cluster.nodeResourceUsage(node);
  const kubelet = cluster.kubeletService(node);
  const mem = (bytes: number) => ((bytes * 100) / memory.capacityBytes).toFixed(1);
  const rows: Array<[number, string, number, string]> = [
    [1, '0.0', 13 * 1024 * 1024, '/sbin/init'],
    [231, '0.3', 48 * 1024 * 1024, '/usr/local/bin/containerd'],
    ...(kubelet.running ? [[kubelet.pid, '1.2', 78 * 1024 * 1024, '/usr/bin/kubelet --config=/var/lib/kubelet/config.yaml'] as [number, string, number, string]] : []),
    ...cluster.hostProcesses(node).map((p) => [p.pid, '2.5', p.memoryBytes, p.command] as [number, string, number, string]),
  ];
  const head = 'USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND';
  const body = rows.map(([pid, cpu, rss, cmd]) => `root    ${String(pid).padStart(8)} ${cpu.padStart(4)} ${mem(rss).padStart(4)} ${String(Math.floor((rss * 1.4) / 1024)).padStart(6)} ${String(Math.floor(rss / 1024)).padStart(5)} ?        Ssl  09:00   0:01 ${cmd}`);
  return ok(`${[head, ...body].join('\n')}\n`);
}

function kill(cluster: Cluster, node: string, args: string[]): CommandOutput {
  const pids = args.filter((a) => !a.startsWith('-'));
  if (pids.length === 0) return fail('kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n', 2);
  let stderr = '';
  for (const p of pids) {
    if (!/^\d+$/.test(p)) stderr += `bash: kill: ${p}: arguments must be process or job IDs\n`;
    else if (!cluster.killHostProcess(node, Number(p))) stderr += `bash: kill: (${p}) - No such process\n`;
  }
  return { stdout: '', stderr, exitCode: stderr ? 1 : 0 };
}

function du(cluster: Cluster, node: string, args: string[]): CommandOutput {
  const human = args.some((a) => /^-\w*h/.test(a));
  const targets = args.filter((a) => !a.startsWith('-'));
  const files = cluster.nodeFiles(node);
  let stdout = '';
  let stderr = '';
  for (const t of targets.length ? targets : ['.']) {
    const dir = t.replace(/\/+$/, '') || '/';
    const paths = Object.keys(files).filter((p) => p === dir || p.startsWith(dir === '/' ? '/' : `${dir}/`));
    if (paths.length === 0) {
      stderr += `du: cannot access '${t}': No such file or directory\n`;
      continue;
    }
    const bytes = paths.reduce((sum, p) => sum + (cluster.nodeFileSize(node, p) ?? 0), 0);
    stdout += `${human ? humanSize(bytes) : Math.ceil(bytes / 1024)}\t${t}\n`;
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
}

/** Host tools on a node: `df`, `du`, `free`, `ps aux`, `kill PID`; undefined for anything else. */
export function runHostTool(cluster: Cluster, node: string, cmd: string, args: string[]): CommandOutput | undefined {
  switch (cmd) {
    case 'df':
      return df(cluster, node, args);
    case 'du':
      return du(cluster, node, args);
    case 'free':
      return free(cluster, node, args);
    case 'ps':
      return ps(cluster, node);
    case 'kill':
      return kill(cluster, node, args);
    default:
      return undefined;
  }
}
