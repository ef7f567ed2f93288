import { allKinds, Cluster } from '../../cluster-engine';
import { TokenBucket } from '../../game/transport/rate-limiter';
import { statusError } from './status';

/** Per attempt: requests (a cold kubectl discovery is ~20 at once), open watches and log follows, objects. */
export const LIMITS = { ratePerSecond: 50, burst: 300, streams: 32, objects: 3000 };

const tooMany = (why: string) => statusError(429, 'TooManyRequests', `too many requests: ${why}, please try again later`);

/** Isolation between learners: one attempt's client cannot starve the process or grow its cluster without bound. */
export class AttemptLimits {
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly streams = new Map<string, number>();

  constructor(private readonly now: () => number = () => Date.now()) {}

  /** One request; 429 once the attempt's bucket is empty. */
  request(attemptId: string): void {
    let bucket = this.buckets.get(attemptId);
    if (!bucket) this.buckets.set(attemptId, (bucket = new TokenBucket(LIMITS.ratePerSecond, LIMITS.burst, this.now)));
    if (!bucket.tryTake()) throw tooMany(`more than ${LIMITS.ratePerSecond} requests per second`);
  }

  /** Opens a long-running stream (watch, logs -f); returns its release. */
  /** Watches and log/attach streams open now. */
  openStreams(attemptId: string): number {
    return this.streams.get(attemptId) ?? 0;
  }

  openStream(attemptId: string): () => void {
    const open = this.streams.get(attemptId) ?? 0;
    if (open >= LIMITS.streams) throw tooMany(`${open} watches and log streams are open`);
    this.streams.set(attemptId, open + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.streams.get(attemptId) ?? 1) - 1;
      if (left <= 0) this.streams.delete(attemptId);
      else this.streams.set(attemptId, left);
    };
  }

  /** A create beyond the object budget answers like an exhausted ResourceQuota. */
  checkObjectCount(cluster: Cluster): void {
    const used = allKinds().reduce((sum, k) => sum + cluster.api.store.scan(k.kind).length, 0);
    if (used >= LIMITS.objects) {
      throw statusError(403, 'Forbidden', `exceeded quota: crashloop-attempt, requested: count/objects=1, used: count/objects=${used}, limited: count/objects=${LIMITS.objects}`);
    }
  }
}
