import { AttemptLimits, LIMITS } from './limits';
import { ApiError } from '../../cluster-engine';

describe('per-attempt limits', () => {
  it('a burst of requests, then 429 until the bucket refills; attempts do not share a bucket', () => {
    let now = 0;
    const limits = new AttemptLimits(() => now);
    for (let i = 0; i < LIMITS.burst; i++) limits.request('a');
    expect(() => limits.request('a')).toThrow(ApiError);
    limits.request('b');
    now += 1000;
    limits.request('a');
  });

  it('caps open streams per attempt and frees a slot on release (once)', () => {
    const limits = new AttemptLimits();
    const releases = Array.from({ length: LIMITS.streams }, () => limits.openStream('a'));
    let err: unknown;
    try {
      limits.openStream('a');
    } catch (e) {
      err = e;
    }
    expect((err as ApiError).status).toMatchObject({ code: 429, reason: 'TooManyRequests' });
    releases[0]();
    releases[0]();
    limits.openStream('a');
    expect(() => limits.openStream('a')).toThrow(ApiError);
  });
});
