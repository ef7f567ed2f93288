import { Cluster } from '../../cluster-engine';
import { runHostTool } from './host-tools';

export interface CommandOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Which node the player is logged in to (`ssh node02`), if any. Plain JSON for snapshots. */
export interface NodeLogin {
  node?: string;
}

const ok = (stdout = ''): CommandOutput => ({ stdout, stderr: '', exitCode: 0 });
const fail = (stderr: string, exitCode = 1): CommandOutput => ({ stdout: '', stderr, exitCode });

/** systemd's `format_timestamp`: `Wed 2025-01-15 09:00:00 UTC`. */
function systemdTime(ms: number): string {
  const d = new Date(ms);
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()];
  return `${day} ${d.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** systemd's `format_timespan`, coarse like `systemctl status`: `48s`, `2min 3s`, `2h 3min`, `3 days`. */
function systemdSpan(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 ? `${m}min ${s % 60}s` : `${m}min`;
  const h = Math.floor(m / 60);
  if (h < 24) return m % 60 ? `${h}h ${m % 60}min` : `${h}h`;
  const days = Math.floor(h / 24);
  return days === 1 ? `1 day ${h % 24}h` : `${days} days`;
}

const KUBELET_CMD =
  '/usr/bin/kubelet --bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --kubeconfig=/etc/kubernetes/kubelet.conf --config=/var/lib/kubelet/config.yaml --container-runtime-endpoint=unix:///var/run/containerd/containerd.sock --pod-infra-container-image=registry.k8s.io/pause:3.10';

function kubeletStatus(cluster: Cluster, node: string): CommandOutput {
  const svc = cluster.kubeletService(node);
  const now = cluster.nowMs();
  const head = [
    `${svc.running ? '●' : '○'} kubelet.service - kubelet: The Kubernetes Node Agent`,
    '     Loaded: loaded (/lib/systemd/system/kubelet.service; enabled; preset: enabled)',
    '    Drop-In: /usr/lib/systemd/system/kubelet.service.d',
    '             └─10-kubeadm.conf',
  ];
  if (!svc.running && svc.startError) {
    // systemd restarts a failing kubelet every 10 s (Restart=always, RestartSec=10).
    const lines = [
      ...head,
      `     Active: activating (auto-restart) (Result: exit-code) since ${systemdTime(svc.sinceMs)}; ${systemdSpan(now - svc.sinceMs)} ago`,
      '       Docs: https://kubernetes.io/docs/',
      `    Process: ${svc.pid} ExecStart=${KUBELET_CMD} (code=exited, status=1/FAILURE)`,
      `   Main PID: ${svc.pid} (code=exited, status=1/FAILURE)`,
    ];
    return { stdout: `${lines.join('\n')}\n`, stderr: '', exitCode: 3 };
  }
  if (!svc.running) {
    const lines = [...head, `     Active: inactive (dead) since ${systemdTime(svc.sinceMs)}; ${systemdSpan(now - svc.sinceMs)} ago`, '       Docs: https://kubernetes.io/docs/', `    Process: ${svc.pid} ExecStart=${KUBELET_CMD} (code=killed, signal=TERM)`, `   Main PID: ${svc.pid} (code=killed, signal=TERM)`];
    return { stdout: `${lines.join('\n')}\n`, stderr: '', exitCode: 3 };
  }
  const lines = [
    ...head,
    `     Active: active (running) since ${systemdTime(svc.sinceMs)}; ${systemdSpan(now - svc.sinceMs)} ago`,
    '       Docs: https://kubernetes.io/docs/',
    `   Main PID: ${svc.pid} (kubelet)`,
    '      Tasks: 15 (limit: 4551)',
    '     Memory: 45.2M',
    '     CGroup: /system.slice/kubelet.service',
    `             └─${svc.pid} ${KUBELET_CMD}`,
  ];
  return ok(`${lines.join('\n')}\n`);
}

function systemctl(cluster: Cluster, node: string, args: string[]): CommandOutput {
  const [action, unit] = args;
  if (!action) return fail('systemctl: missing verb\n');
  const known = ['status', 'start', 'stop', 'restart', 'is-active', 'enable', 'daemon-reload'];
  if (!known.includes(action)) return fail(`Unknown command verb '${action}'.\n`);
  if (action === 'daemon-reload') return ok();
  const name = (unit ?? '').replace(/\.service$/, '');
  if (!unit) return fail(`Too few arguments.\n`);
  if (name !== 'kubelet') {
    if (action === 'status') return { stdout: '', stderr: `Unit ${name}.service could not be found.\n`, exitCode: 4 };
    return fail(`Failed to ${action} ${name}.service: Unit ${name}.service not found.\n`, 5);
  }
  switch (action) {
    case 'status':
      return kubeletStatus(cluster, node);
    case 'is-active': {
      const running = cluster.kubeletService(node).running;
      return { stdout: running ? 'active\n' : 'inactive\n', stderr: '', exitCode: running ? 0 : 3 };
    }
    case 'start':
      cluster.startKubelet(node);
      return ok();
    case 'stop':
      cluster.stopKubelet(node);
      return ok();
    case 'restart':
      cluster.stopKubelet(node);
      cluster.startKubelet(node);
      return ok();
    default:
      return ok();
  }
}

function journalctl(cluster: Cluster, node: string, args: string[]): CommandOutput {
  const unit = args[args.indexOf('-u') + 1]?.replace(/\.service$/, '');
  if (!args.includes('-u') || unit !== 'kubelet') return ok('-- No entries --\n');
  const svc = cluster.kubeletService(node);
  const stamp = (ms: number) => new Date(ms).toUTCString().slice(8, 11) + ' ' + new Date(ms).toISOString().slice(8, 10) + ' ' + new Date(ms).toISOString().slice(11, 19);
  const klog = (ms: number, level: 'I' | 'E', at: string, msg: string) => {
    const d = new Date(ms).toISOString();
    return `${stamp(ms)} ${node} kubelet[${svc.pid}]: ${level}${d.slice(5, 7)}${d.slice(8, 10)} ${d.slice(11, 19)}.000000 ${String(svc.pid).padStart(7)} ${at}] ${msg}`;
  };
  const lines = svc.startError
    ? [
        `${stamp(svc.sinceMs)} ${node} systemd[1]: Started kubelet.service - kubelet: The Kubernetes Node Agent.`,
        klog(svc.sinceMs, 'E', 'run.go:72', `"command failed" err="${svc.startError.replace(/"/g, '\\"')}"`),
        `${stamp(svc.sinceMs)} ${node} systemd[1]: kubelet.service: Main process exited, code=exited, status=1/FAILURE`,
        `${stamp(svc.sinceMs)} ${node} systemd[1]: kubelet.service: Failed with result 'exit-code'.`,
      ]
    : svc.running
    ? [
        `${stamp(svc.sinceMs)} ${node} systemd[1]: Started kubelet.service - kubelet: The Kubernetes Node Agent.`,
        klog(svc.sinceMs, 'I', 'server.go:486', `"Kubelet version" kubeletVersion="${cluster.kubernetesVersion}"`),
        klog(svc.sinceMs, 'I', 'server.go:1262', '"Started kubelet"'),
        klog(svc.sinceMs, 'I', 'kubelet_node_status.go:76', `"Attempting to register node" node="${node}"`),
      ]
    : [
        `${stamp(svc.sinceMs)} ${node} systemd[1]: Stopping kubelet.service - kubelet: The Kubernetes Node Agent...`,
        `${stamp(svc.sinceMs)} ${node} systemd[1]: kubelet.service: Deactivated successfully.`,
        `${stamp(svc.sinceMs)} ${node} systemd[1]: Stopped kubelet.service - kubelet: The Kubernetes Node Agent.`,
      ];
  return ok(`${lines.join('\n')}\n`);
}

/** `crictl ps [-a]`, `crictl pods`, `crictl logs ID`: the containers the node's runtime holds. */
function crictl(cluster: Cluster, node: string, args: string[]): CommandOutput {
  const [sub, ...rest] = args;
  const now = cluster.nowMs();
  const containers = cluster.runtimeContainers(node);
  const ago = (ms: number) => `${systemdSpan(now - ms).replace(/min.*/, ' minutes').replace(/^(\d+)s$/, '$1 seconds')} ago`;
  switch (sub) {
    case 'ps': {
      const all = rest.includes('-a') || rest.includes('--all');
      const rows = containers.filter((c) => all || c.state === 'Running');
      const lines = rows.map((c) => [c.id.slice(0, 13), c.imageId.slice(0, 13), ago(c.createdMs), c.state, c.name, String(c.attempt), c.podId.slice(0, 13), c.podName, c.namespace]);
      return ok(table(['CONTAINER', 'IMAGE', 'CREATED', 'STATE', 'NAME', 'ATTEMPT', 'POD ID', 'POD', 'NAMESPACE'], lines));
    }
    case 'pods': {
      const pods = [...new Map(containers.map((c) => [c.podId, c])).values()];
      const lines = pods.map((c) => [c.podId.slice(0, 13), ago(c.createdMs), 'Ready', c.podName, c.namespace, '0', '(default)']);
      return ok(table(['POD ID', 'CREATED', 'STATE', 'NAME', 'NAMESPACE', 'ATTEMPT', 'RUNTIME'], lines));
    }
    case 'logs': {
      const id = rest.filter((a) => !a.startsWith('-'))[0];
      if (!id) return fail('crictl logs: ID cannot be empty\n');
      const found = containers.filter((c) => c.id.startsWith(id));
      if (found.length !== 1) return fail(`E0115 00:00:00.000000    1234 remote_runtime.go:415] "ContainerStatus from runtime service failed" err="rpc error: code = NotFound desc = an error occurred when try to find container \"${id}\": not found" containerID="${id}"\nFATAL: rpc error: code = NotFound desc = an error occurred when try to find container "${id}": not found\n`);
      return ok(found[0].logs);
    }
    case 'images':
      return ok(table(['IMAGE', 'TAG', 'IMAGE ID', 'SIZE'], cluster.runtimeImages(node).map((i) => [i.repository, i.tag, i.id.slice(0, 13), `${Math.round(i.sizeBytes / 1e6)}MB`])));
    default:
      return fail(`No help topic for '${sub ?? ''}'\n`);
  }
}

/** Columns padded with three spaces, as crictl's tabwriter prints them. */
function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] + 3))).join('');
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}

/**
 * Node-level commands: `ssh NODE`, then `systemctl … kubelet`, `journalctl -u kubelet`, `hostname`, `exit`.
 * Returns undefined for anything else, so the caller's shell handles it.
 */
export function runNodeCommand(cluster: Cluster, login: NodeLogin, argv: string[]): CommandOutput | undefined {
  const words = argv[0] === 'sudo' ? argv.slice(1) : argv;
  const [cmd, ...args] = words;
  switch (cmd) {
    case 'ssh': {
      const target = args.filter((a) => !a.startsWith('-')).pop()?.replace(/^.*@/, '');
      if (!target) return fail('usage: ssh [-46AaCfGgKkMNnqsTtVvXxYy] destination [command [argument ...]]\n', 255);
      if (login.node) return fail(`ssh: Could not resolve hostname ${target}: Name or service not known\n`, 255);
      if (!cluster.nodeNames().includes(target)) return fail(`ssh: Could not resolve hostname ${target}: Name or service not known\n`, 255);
      login.node = target;
      return ok(`Welcome to Debian GNU/Linux 12 (bookworm) on ${target}.\nType "exit" to return.\n`);
    }
    case 'exit':
    case 'logout':
      if (!login.node) return undefined;
      {
        const node = login.node;
        login.node = undefined;
        return ok(`logout\nConnection to ${node} closed.\n`);
      }
    case 'hostname':
      return login.node ? ok(`${login.node}\n`) : ok('workstation\n');
    case 'systemctl':
      if (!login.node) return fail("System has not been booted with systemd as init system (PID 1). Can't operate.\nFailed to connect to bus: Host is down\n");
      return systemctl(cluster, login.node, args);
    case 'journalctl':
      if (!login.node) return ok('-- No entries --\n');
      return journalctl(cluster, login.node, args);
    case 'crictl':
      if (!login.node) return fail('bash: crictl: command not found\n', 127);
      return crictl(cluster, login.node, args);
    default:
      return login.node ? runHostTool(cluster, login.node, cmd, args) : undefined;
  }
}
