import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { ApiError, Pod } from '../../cluster-engine';
import type { LiveAttempt } from '../../game/attempts/live-attempt';
import type { K8sAttemptsService } from '../k8s-attempts.service';
import { statusError } from '../http/status';

/** Subprotocols kubectl ≥ 1.30 offers; v5 adds the close-stdin frame (channel 255). */
const PROTOCOLS = ['v5.channel.k8s.io', 'v4.channel.k8s.io'];
const STDIN = 0;
const STDOUT = 1;
const STDERR = 2;
const ERROR = 3;
const CLOSE = 255;
const MAX_STDIN = 1024 * 1024;
const ATTACH_POLL_MS = 250;

/**
 * `pods/<name>/exec` over WebSocket (`v5.channel.k8s.io`, also v4): runs one command in the same
 * simulated processes as the browser terminal's `kubectl exec`. With `stdin=true` the command runs once
 * stdin is closed (v5 close frame, or the socket closing). Each frame's first byte is its channel; the
 * outcome is a Status on channel 3. Interactive shells (`-it sh`) are not simulated.
 */
export class ExecServer {
  private readonly wss = new WebSocketServer({
    noServer: true,
    handleProtocols: (offered) => PROTOCOLS.find((p) => offered.has(p)) ?? false,
  });

  constructor(private readonly attempts: K8sAttemptsService) {}

  /** Answers an upgrade for `…/pods/<name>/exec`; a refused one gets the Status kubectl prints as "unable to upgrade connection". */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer, live: LiveAttempt, namespace: string, pod: string, query: URLSearchParams): void {
    const command = query.getAll('command');
    const wantsStdin = query.get('stdin') === 'true' || query.get('stdin') === '1';
    let target: string;
    try {
      target = this.validate(live, namespace, pod, query);
    } catch (err) {
      return refuse(socket, err);
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      const v5 = ws.protocol === 'v5.channel.k8s.io';
      const stdin: Buffer[] = [];
      let size = 0;
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        void this.run(ws, live, namespace, pod, target, command, Buffer.concat(stdin).toString('utf8'));
      };
      ws.on('message', (data: Buffer) => {
        if (data.length === 0) return;
        if (data[0] === STDIN && (size += data.length) <= MAX_STDIN) stdin.push(data.subarray(1));
        if (v5 && data[0] === CLOSE && data[1] === STDIN) finish();
      });
      ws.on('close', () => (done = true));
      if (!wantsStdin) finish();
    });
  }

  /**
   * `pods/<name>/attach`: the container's output from now on, on the stdout channel, until it stops or the
   * client leaves (stdin is accepted and dropped: the simulated processes read none). Polls the virtual clock.
   */
  attach(req: IncomingMessage, socket: Duplex, head: Buffer, live: LiveAttempt, namespace: string, pod: string, query: URLSearchParams): void {
    let container: string;
    let release: () => void;
    try {
      container = this.attachable(live, namespace, pod, query);
      release = this.attempts.limits.openStream(live.id);
    } catch (err) {
      return refuse(socket, err);
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      const output = () => this.attempts.read(live, (c) => c.logs(namespace, pod, { container }));
      // The stream belongs to this run of the container: it ends when that process is gone (a restart too).
      const runningId = () => this.attempts.read(live, (c) => runningContainer(c.api.tryGet<Pod>('Pod', namespace, pod), container));
      const attachedTo = runningId();
      let sent = output().length;
      const timer = setInterval(() => {
        try {
          const text = output();
          if (text.length > sent && ws.readyState === WebSocket.OPEN) ws.send(Buffer.concat([Buffer.from([STDOUT]), Buffer.from(text.slice(sent), 'utf8')]));
          sent = text.length;
          if (runningId() !== attachedTo || live.closing) stop({ metadata: {}, status: 'Success' });
        } catch (err) {
          stop(err instanceof ApiError ? { ...err.status } : { metadata: {}, status: 'Failure', message: (err as Error).message });
        }
      }, ATTACH_POLL_MS);
      const stop = (status?: Record<string, unknown>) => {
        clearInterval(timer);
        release();
        if (status && ws.readyState === WebSocket.OPEN) {
          ws.send(Buffer.concat([Buffer.from([ERROR]), Buffer.from(JSON.stringify(status), 'utf8')]));
          ws.close(1000);
        }
      };
      ws.on('close', () => stop());
    });
  }

  /** The running container an attach request targets, or the error the API server gives. */
  attachable(live: LiveAttempt, namespace: string, pod: string, query: URLSearchParams): string {
    const p = this.attempts.read(live, (c) => c.api.get<Pod>('Pod', namespace, pod));
    const target = query.get('container') ?? p.spec.containers[0].name;
    if (!p.spec.containers.some((c) => c.name === target)) throw statusError(400, 'BadRequest', `container ${target} is not valid for pod ${pod}`);
    if (!runningContainer(p, target)) throw statusError(400, 'BadRequest', `container ${target} in pod ${pod} is not running`);
    return target;
  }

  /** The container an exec request targets; the API server's errors for a bad request. */
  validate(live: LiveAttempt, namespace: string, pod: string, query: URLSearchParams): string {
    const p = this.attempts.read(live, (c) => c.api.get<Pod>('Pod', namespace, pod));
    const target = query.get('container') ?? p.spec.containers[0].name;
    if (query.getAll('command').length === 0) throw statusError(400, 'BadRequest', 'you must specify at least one command for the container');
    if (![...p.spec.containers, ...(p.spec.initContainers ?? [])].some((c) => c.name === target)) {
      throw statusError(400, 'BadRequest', `container ${target} is not valid for pod ${pod}`);
    }
    return target;
  }

  private async run(ws: WebSocket, live: LiveAttempt, namespace: string, pod: string, container: string, command: string[], stdin: string): Promise<void> {
    const send = (channel: number, text: string) => {
      if (text && ws.readyState === WebSocket.OPEN) ws.send(Buffer.concat([Buffer.from([channel]), Buffer.from(text, 'utf8')]));
    };
    let status: Record<string, unknown>;
    try {
      // An exec may write (curl to a service is a read, but `rm` in a container changes its files): it is logged like a write.
      const r = await this.attempts.write(live, `EXEC pods/${pod} -- ${command.join(' ')}`, (c) => c.exec(namespace, pod, container, command, stdin));
      if (r.kind === 'ran') {
        send(STDOUT, r.stdout);
        send(STDERR, r.stderr);
        status =
          r.exitCode === 0
            ? { metadata: {}, status: 'Success' }
            : {
                metadata: {},
                status: 'Failure',
                message: `command terminated with non-zero exit code: error executing command [${command.join(' ')}], exit code ${r.exitCode}`,
                reason: 'NonZeroExitCode',
                details: { causes: [{ reason: 'ExitCode', message: String(r.exitCode) }] },
              };
      } else {
        status = { metadata: {}, status: 'Failure', message: r.message, reason: 'InternalError', code: 500 };
      }
    } catch (err) {
      status = err instanceof ApiError ? { ...err.status } : { metadata: {}, status: 'Failure', message: (err as Error).message };
    }
    send(ERROR, JSON.stringify(status));
    ws.close(1000);
  }
}

/** The container's ID while it runs, else undefined. */
function runningContainer(pod: Pod | undefined, container: string): string | undefined {
  const status = pod?.status?.containerStatuses?.find((s) => s.name === container);
  return status?.state?.running ? status.containerID : undefined;
}

function refuse(socket: Duplex, err: unknown): void {
  const status = err instanceof ApiError ? err.status : statusError(500, 'InternalError', (err as Error).message).status;
  const body = JSON.stringify(status);
  socket.end(`HTTP/1.1 ${status.code} ${status.reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}
