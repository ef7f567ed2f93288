import type { CatalogEntry, LeaderboardBoard } from '../../src/game/protocol/messages';
import { fullyReady, statusClass } from '../../client/src/pod-status';
import { isoWeek, sameBoard } from '../../client/src/boards';
import { filterCatalogue, groupByTrack } from '../../client/src/catalogue-order';

describe('pod colours in the cluster view', () => {
  it.each([
    ['Running', '1/1', 's-ok'],
    ['Running', '0/1', 's-warn'],
    ['Running', '1/2', 's-warn'],
    ['Pending', '0/1', 's-warn'],
    ['SchedulingGated', '0/1', 's-warn'],
    ['NotReady', '1/2', 's-warn'],
    ['ContainerCreating', '0/1', 's-progress'],
    ['PodInitializing', '0/1', 's-progress'],
    ['Init:0/2', '0/1', 's-progress'],
    ['CrashLoopBackOff', '0/1', 's-bad'],
    ['ImagePullBackOff', '0/1', 's-bad'],
    ['ErrImagePull', '0/1', 's-bad'],
    ['Init:CrashLoopBackOff', '0/1', 's-bad'],
    ['CreateContainerConfigError', '0/1', 's-bad'],
    ['Error', '0/1', 's-bad'],
    ['OOMKilled', '0/1', 's-bad'],
    ['ExitCode:137', '0/1', 's-bad'],
    ['Completed', '0/1', 's-done'],
    ['Terminating', '1/1', 's-gone'],
  ])('%s %s → %s', (status, ready, expected) => {
    expect(statusClass(status, ready)).toBe(expected);
  });

  it('a pod without containers is never "fully ready"', () => {
    expect(fullyReady('0/0')).toBe(false);
    expect(fullyReady('2/2')).toBe(true);
  });
});

describe('catalogue', () => {
  const s = (id: string, track: string, difficulty: CatalogEntry['difficulty'], points: number): CatalogEntry => ({
    id,
    title: id,
    summary: '',
    difficulty,
    tags: [],
    points,
    parSeconds: 60,
    objectives: [],
    hintCount: 0,
    track,
    trackTitle: track,
    diagnosisCauses: [],
    diagnosisPoints: 0,
    quizCount: 0,
  });

  it('groups by track in catalogue order and orders each track by difficulty, then points', () => {
    const groups = groupByTrack([s('adv', 'fundamentals', 'advanced', 100), s('node', 'nodes', 'beginner', 100), s('mid', 'fundamentals', 'intermediate', 100), s('b2', 'fundamentals', 'beginner', 150), s('b1', 'fundamentals', 'beginner', 100)]);
    expect(groups.map((g) => [g.track, g.scenarios.map((x) => x.id)])).toEqual([
      ['fundamentals', ['b1', 'b2', 'mid', 'adv']],
      ['nodes', ['node']],
    ]);
  });
});

describe('catalogue filters', () => {
  const s = (id: string, difficulty: 'beginner' | 'advanced', tags: string[], best?: { score: number; solveSeconds: number }): CatalogEntry => ({
    id,
    title: id,
    summary: `${id} summary`,
    difficulty,
    tags,
    points: 100,
    parSeconds: 60,
    objectives: [],
    hintCount: 0,
    track: 'nodes',
    trackTitle: 'Nodes',
    diagnosisCauses: [],
    diagnosisPoints: 0,
    quizCount: 0,
    ...(best ? { best } : {}),
  });
  const all = [s('kubelet-down', 'advanced', ['kubelet']), s('wrong-tag', 'beginner', ['images'], { score: 90, solveSeconds: 60 })];

  it.each([
    [{ text: '', difficulty: '', solved: '' as const }, ['kubelet-down', 'wrong-tag']],
    [{ text: 'KUBELET', difficulty: '', solved: '' as const }, ['kubelet-down']],
    [{ text: 'nodes images', difficulty: '', solved: '' as const }, ['wrong-tag']],
    [{ text: '', difficulty: 'beginner', solved: '' as const }, ['wrong-tag']],
    [{ text: '', difficulty: '', solved: 'unsolved' as const }, ['kubelet-down']],
    [{ text: '', difficulty: '', solved: 'solved' as const }, ['wrong-tag']],
    [{ text: 'nothing-like-this', difficulty: '', solved: '' as const }, []],
  ])('%j', (filter, ids) => {
    expect(filterCatalogue(all, filter).map((x) => x.id)).toEqual(ids);
  });
});

describe('leaderboard helpers', () => {
  it.each([
    ['2026-11-25T12:00:00Z', '2026-W48'],
    ['2027-01-01T00:00:00Z', '2026-W53'],
    ['2024-12-30T00:00:00Z', '2025-W01'],
  ])('ISO week of %s is %s', (date, week) => {
    expect(isoWeek(new Date(date))).toBe(week);
  });

  it('matches a pushed board with the query that subscribed to it', () => {
    const board: LeaderboardBoard = { board: 'scenarios', scenarioId: 'a', track: null, week: null, eventId: null };
    expect(sameBoard(board, { scenarioId: 'a' })).toBe(true);
    expect(sameBoard(board, {})).toBe(false);
    expect(sameBoard({ board: 'scenarios', scenarioId: null, track: null, week: null, eventId: null }, {})).toBe(true);
  });
});
