import { Cluster, formatLogLines } from '../../cluster-engine';
import { CommandStream } from '../result';

/** One container whose log is followed: where it is and how much of its current instance was printed. */
export interface FollowedLog {
  namespace: string;
  pod: string;
  container: string;
  containerID?: string;
  printed: number;
  /** `[pod/NAME/CONTAINER] ` with --prefix, else empty */
  prefix: string;
}

/** Puts `prefix` before every line of `text` (which ends with a newline or is empty). */
export function prefixLines(text: string, prefix: string): string {
  if (!prefix || !text) return text;
  return text.replace(/\n$/, '').split('\n').map((l) => `${prefix}${l}\n`).join('');
}

/**
 * `kubectl logs -f`: new lines of each followed container as the virtual clock advances. A container's
 * follow ends when its instance exits (the kubelet closes the stream), the whole command when all have.
 */
export function followLogs(cluster: Cluster, sources: FollowedLog[], timestamps: boolean): CommandStream {
  let active = [...sources];
  let closed = false;
  const prefixed = (src: FollowedLog, text: string) => prefixLines(text, src.prefix);
  const drain = (src: FollowedLog): { text: string; done: boolean } => {
    try {
      const view = cluster.logView(src.namespace, src.pod, { container: src.container });
      if (view.containerID === src.containerID) {
        const text = formatLogLines(view.lines.slice(src.printed), timestamps);
        src.printed = view.lines.length;
        return { text: prefixed(src, text), done: !view.running };
      }
      // Restarted between two polls: the rest of the followed instance is now the previous log.
      const prev = cluster.logView(src.namespace, src.pod, { container: src.container, previous: true });
      return { text: prefixed(src, formatLogLines(prev.lines.slice(src.printed), timestamps)), done: true };
    } catch {
      // The pod or its log is gone: the server closes the stream.
      return { text: '', done: true };
    }
  };
  return {
    poll() {
      if (closed) return '';
      let out = '';
      active = active.filter((src) => {
        const { text, done } = drain(src);
        out += text;
        return !done;
      });
      return out;
    },
    close() {
      closed = true;
      active = [];
    },
    ended: () => active.length === 0,
  };
}
