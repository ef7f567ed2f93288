import { loadBuiltInCatalog } from './catalog';
import { buildCluster, SessionSnapshotV1 } from './scenario-session';
import { TimelineAgainstFirstPage } from './timeline-pack';
import { TimelineEntry } from './session.types';
import { TimelineRecorder } from './timeline-recorder';
import { clearWarmClusters, warmCluster } from './warm-start';

const catalog = loadBuiltInCatalog();

const FIX = `kubectl set image pod/web web=nginx:1.27`;

function describeEntry(e: TimelineEntry): string {
  switch (e.kind) {
    case 'event':
      return `${e.atMs} event ${e.object} ${e.reason} x${e.count}`;
    case 'pod':
      return `${e.atMs} pod ${e.object} ${e.status} ${e.ready}${e.deleted ? ' deleted' : ''}`;
    case 'node':
      return `${e.atMs} node ${e.object} ${e.status}`;
    case 'objective':
      return `${e.atMs} objective ${e.id} ${e.met ? 'met' : 'unmet'}`;
    case 'guard-rail':
      return `${e.atMs} guard-rail ${e.id}`;
    case 'solved':
      return `${e.atMs} solved ${e.solvedAtMs}`;
  }
}

describe('the cluster timeline of a session', () => {
  it('starts with what the warm-up left: events before 0, pods, nodes and objectives at 0', () => {
    const s = catalog.start('imagepull-wrong-tag', 1);
    const first = s.timelineSince(0).map(describeEntry);
    expect(first).toEqual(expect.arrayContaining([
      '-27000 event pod/web Scheduled x1',
      '-21000 event pod/web BackOff x3',
      '0 node node/node01 Ready',
      '0 pod pod/web ImagePullBackOff 0/1',
      '0 objective web-ready unmet',
    ]));
    // Entries are in recording order, with consecutive seq numbers.
    const seqs = s.timelineSince(0).map((e) => e.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
  });

  it('forgets what the caller acknowledged and records changes as they happen, on the virtual clock', () => {
    const s = catalog.start('imagepull-wrong-tag', 1);
    const first = s.timelineSince(0);
    const cursor = first[first.length - 1].seq;
    expect(s.timelineSince(cursor)).toEqual([]);
    s.tick(12_000);
    const later = s.timelineSince(cursor).map(describeEntry);
    expect(later).toEqual([
      '5000 event pod/web Pulling x3',
      '6000 event pod/web Failed x3',
      '6000 event pod/web Failed x3',
      '6000 pod pod/web ErrImagePull 0/1',
      '11000 event pod/web BackOff x4',
      '11000 event pod/web Failed x4',
      '11000 pod pod/web ImagePullBackOff 0/1',
    ]);
    // Until acknowledged, the same entries come again; a count rise folds into an entry not handed out yet.
    expect(s.timelineSince(cursor).map(describeEntry)).toEqual(later);
  });

  it('records the fix, the pod turning Ready, the objective met and the solve, and goes on after a restore', () => {
    const a = catalog.start('imagepull-wrong-tag', 1);
    let cursor = a.timelineSince(0).at(-1)!.seq;
    a.tick(5_000);
    const b = catalog.restore(JSON.parse(JSON.stringify(a.snapshot())));
    for (const s of [a, b]) {
      expect(s.exec(FIX).exitCode).toBe(0);
      s.tick(60_000);
    }
    const fromA = a.timelineSince(cursor);
    const fromB = b.timelineSince(cursor);
    expect(fromB).toEqual(fromA);
    expect(fromA.map(describeEntry)).toEqual([
      '5000 event pod/web Pulling x3',
      '6000 event pod/web Pulling x1',
      '6000 pod pod/web ContainerCreating 0/1',
      '9000 event pod/web Pulled x1',
      '9000 event pod/web Created x1',
      '9000 event pod/web Started x1',
      '9000 pod pod/web Running 1/1',
      '9000 objective web-ready met',
      '29000 solved 9000',
    ]);
    // Acknowledged entries never come back, and new ones number on from the cursor.
    cursor = fromA[fromA.length - 1].seq;
    const c = catalog.restore(JSON.parse(JSON.stringify(a.snapshot())));
    expect(c.timelineSince(cursor)).toEqual([]);
    expect(c.timelineSince(cursor + 10)).toEqual([]);
    c.exec('kubectl delete pod web');
    expect(c.timelineSince(cursor + 10)[0]).toMatchObject({ seq: cursor + 11, kind: 'pod', object: 'pod/web', status: 'Terminating' });
  });

  it('shares the warm-up\'s first page between attempts: the same entries as recording it afresh, and one attempt\'s count rise stays its own', () => {
    const a = catalog.start('imagepull-wrong-tag', 1);
    const b = catalog.start('imagepull-wrong-tag', 2);
    const fresh = warmCluster(catalog.scenario('imagepull-wrong-tag'), 3, buildCluster);
    const recorded = TimelineRecorder.start(fresh, fresh.nowMs()).since(0);
    expect(b.timelineSince(0).filter((e) => e.kind !== 'objective')).toEqual(recorded);
    // Not handed out yet, so a's warm-up BackOff entry takes the rise in place (a new record in its slot).
    a.tick(12_000);
    const backOff = (s: typeof a) => s.timelineSince(0).map(describeEntry).filter((e) => e.includes('BackOff'))[0];
    expect(backOff(a)).toBe('-21000 event pod/web BackOff x4');
    expect(backOff(b)).toBe('-21000 event pod/web BackOff x3');
    expect(backOff(catalog.start('imagepull-wrong-tag', 4))).toBe('-21000 event pod/web BackOff x3');
  });

  it('keeps a warm start\'s timeline in its snapshot as a difference from the warm-up\'s first page, restored exactly', () => {
    const s = catalog.start('imagepull-wrong-tag', 1);
    s.tick(12_000);
    const snap = JSON.parse(JSON.stringify(s.snapshot())) as SessionSnapshotV1;
    const packed = snap.state.timeline as TimelineAgainstFirstPage;
    expect(packed.againstFirstPage).toBe(true);
    // The first page's entries are named by seq, but the one whose count rose since is written out.
    expect(packed.pending.filter((e) => typeof e === 'number').length).toBeGreaterThan(10);
    expect(packed.pending.some((e) => typeof e !== 'number' && e.kind === 'event' && e.reason === 'BackOff' && e.count === 4 && e.atMs < 0)).toBe(true);
    expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(s.timelineSince(0)).length / 3);
    // As after a server restart: the warm-up and its first page are simulated again from the scenario.
    clearWarmClusters(catalog.scenario('imagepull-wrong-tag'));
    const r = catalog.restore(snap);
    expect(r.timelineSince(0)).toEqual(s.timelineSince(0));
    for (const x of [s, r]) {
      x.exec(FIX);
      x.tick(20_000);
    }
    expect(r.timelineSince(0)).toEqual(s.timelineSince(0));
    expect(r.snapshot()).toEqual(s.snapshot());
  });
});
