/** Pure pieces of the game layer: session tokens, the token bucket, ISO weeks, which boards a solve changes. */
import { signSession, verifySession } from '../../src/game/auth/session-token';
import { hasRole } from '../../src/game/auth/roles';
import { boardIncludes, isoWeek, type SolvedFacts } from '../../src/game/leaderboard/leaderboard-board';
import type { LeaderboardBoard } from '../../src/game/protocol/messages';
import { TokenBucket } from '../../src/game/transport/rate-limiter';

describe('session tokens', () => {
  const secret = Buffer.from('a test secret of enough length');

  it('verifies its own tokens until they expire', () => {
    const token = signSession({ sub: 'p1', exp: 2_000 }, secret);
    expect(verifySession(token, secret, 1_999)).toEqual({ sub: 'p1', exp: 2_000 });
    expect(verifySession(token, secret, 2_000)).toBeNull();
  });

  it.each([
    ['another secret', (t: string) => t, Buffer.from('another secret, same length!!')],
    ['a changed payload', (t: string) => `${Buffer.from('{"sub":"p2","exp":9e15}').toString('base64url')}.${t.split('.')[1]}`, undefined],
    ['a cut signature', (t: string) => t.slice(0, -2), undefined],
    ['no signature', (t: string) => t.split('.')[0], undefined],
    ['an extra part', (t: string) => `${t}.x`, undefined],
    ['garbage', () => '%%%.***', undefined],
  ])('rejects %s', (_name, mangle, otherSecret) => {
    const token = mangle(signSession({ sub: 'p1', exp: 10_000 }, secret));
    expect(verifySession(token, otherSecret ?? secret, 0)).toBeNull();
  });
});

describe('roles', () => {
  it.each([
    ['learner', 'learner', true],
    ['learner', 'instructor', false],
    ['instructor', 'instructor', true],
    ['instructor', 'admin', false],
    ['admin', 'instructor', true],
  ] as const)('%s has %s: %s', (role, required, expected) => {
    expect(hasRole(role, required)).toBe(expected);
  });
});

describe('TokenBucket', () => {
  it('allows a burst, then refills at the rate', () => {
    let now = 0;
    const bucket = new TokenBucket(10, 20, () => now);
    const burst = Array.from({ length: 25 }, () => bucket.tryTake());
    expect(burst.filter(Boolean)).toHaveLength(20);
    now += 99;
    expect(bucket.tryTake()).toBe(false);
    now += 1; // 100 ms at 10/s: one token
    expect(bucket.tryTake()).toBe(true);
    expect(bucket.tryTake()).toBe(false);
    now += 60_000; // refills up to the burst, no further
    expect(Array.from({ length: 25 }, () => bucket.tryTake()).filter(Boolean)).toHaveLength(20);
  });
});

describe('isoWeek', () => {
  it.each([
    ['2026-11-25T10:00:00Z', '2026-W48'],
    ['2026-01-01T00:00:00Z', '2026-W01'], // a Thursday
    ['2027-01-01T00:00:00Z', '2026-W53'], // a Friday: still the last week of 2026
    ['2024-12-30T00:00:00Z', '2025-W01'], // a Monday: week 1 of 2025
    ['2026-11-29T23:59:59Z', '2026-W48'], // Sunday ends the week
    ['2026-11-30T00:00:00Z', '2026-W49'],
  ])('%s is %s', (date, week) => {
    expect(isoWeek(new Date(date))).toBe(week);
  });
});

describe('boardIncludes', () => {
  const solve: SolvedFacts = { scenarioId: 's1', track: 'fundamentals', week: '2026-W48', eventId: null, guest: false };
  const board = (b: Partial<LeaderboardBoard>): LeaderboardBoard => ({ board: 'scenarios', scenarioId: null, track: null, week: null, eventId: null, ...b });

  it.each([
    ['global', board({}), solve, true],
    ['same scenario', board({ scenarioId: 's1' }), solve, true],
    ['other scenario', board({ scenarioId: 's2' }), solve, false],
    ['same track and week', board({ track: 'fundamentals', week: '2026-W48' }), solve, true],
    ['other week', board({ week: '2026-W47' }), solve, false],
    ['a guest on the global board', board({}), { ...solve, guest: true }, false],
    ['an event solve on the global board', board({}), { ...solve, eventId: 'e1' }, false],
    ['an event solve on its event board', board({ eventId: 'e1' }), { ...solve, eventId: 'e1', guest: true }, true],
    ['a solo solve on an event board', board({ eventId: 'e1' }), solve, false],
  ])('%s', (_name, b, facts, expected) => {
    expect(boardIncludes(b, facts)).toBe(expected);
  });
});
