import { loadBuiltInCatalog } from './catalog';
import { UnknownScenarioError } from './session.types';

const catalog = loadBuiltInCatalog();

describe('scenario sessions', () => {
  it('lists the catalogue by track, then up the difficulty ladder, with each track\'s title', () => {
    const list = catalog.list();
    const tracks = [...new Set(list.map((s) => s.track))];
    expect(tracks.slice(0, 2)).toEqual(['pods-never-start', 'crashing-containers']);
    const podsNeverStart = list.filter((s) => s.track === 'pods-never-start');
    expect(podsNeverStart[0]).toMatchObject({ difficulty: 'beginner', trackTitle: 'Pods that never start' });
    expect(podsNeverStart[podsNeverStart.length - 1].difficulty).toBe('advanced');
  });

  it('refuses an unknown scenario id', () => {
    expect(() => catalog.start('no-such-thing', 1)).toThrow(UnknownScenarioError);
    expect(() => catalog.start('no-such-thing', 1)).toThrow('scenario "no-such-thing" not found');
  });

  it('gives hints with their cost and remembers which were taken', () => {
    const s = catalog.start('imagepull-wrong-tag', 1);
    expect(s.hints().map((h) => h.text)).toEqual([undefined, undefined]);
    const h = s.takeHint(1);
    expect(h.cost).toBe(25);
    expect(h.text).toContain('nginx:1.27');
    expect(s.hints()[1].text).toBe(h.text);
    expect(() => s.takeHint(7)).toThrow('hint 7 does not exist (this scenario has 2)');
  });

  it('continues after snapshot ▸ JSON ▸ restore, shell files and node login included', () => {
    const a = catalog.start('node-notready-kubelet', 4);
    a.exec('ssh node02');
    a.exec('echo hello > /root/note.txt');
    a.tick(20_000);
    const b = catalog.restore(JSON.parse(JSON.stringify(a.snapshot())));
    for (const s of [a, b]) {
      expect(s.exec('cat /root/note.txt').stdout).toBe('hello\n');
      expect(s.exec('hostname').stdout).toBe('node02\n');
      s.exec('systemctl start kubelet');
      s.tick(60_000);
    }
    expect(b.progress()).toEqual(a.progress());
    expect(b.progress().solved).toBe(true);
  });

  it('measures the solve time from the start of the stable period, on the virtual clock', () => {
    const s = catalog.start('node-notready-kubelet', 4);
    s.tick(10_000);
    s.exec('ssh node02');
    s.exec('systemctl start kubelet');
    for (let i = 0; i < 120 && !s.progress().solved; i++) s.tick(1000);
    const p = s.progress();
    expect(p.solved).toBe(true);
    // the fix came at 10 s; the node reports Ready and the cache turns Ready within seconds after it
    expect(p.solvedAtMs).toBeGreaterThan(10_000);
    expect(p.solvedAtMs).toBeLessThan(30_000);
    expect(p.heldForMs).toBeGreaterThanOrEqual(p.stabilisationMs);
  });

  it('resets the stable period when the cluster breaks again before the window ends', () => {
    const s = catalog.start('node-notready-kubelet', 4);
    s.exec('ssh node02');
    s.exec('systemctl start kubelet');
    s.tick(15_000);
    expect(s.progress().allMet).toBe(true);
    expect(s.progress().heldForMs).toBeGreaterThan(0);
    s.exec('exit');
    expect(s.exec('kubectl cordon node02').stdout).toBe('node/node02 cordoned\n');
    s.tick(60_000);
    expect(s.progress().solved).toBe(false);
    expect(s.progress().allMet).toBe(false);
    expect(s.progress().heldForMs).toBe(0);
    expect(s.progress().objectives.find((o) => o.id === 'node02-ready')!.whyNot).toBe('node node02 is Ready again, but still cordoned');
  });
});

describe('diagnosis and quiz', () => {
  it('grades the root cause apart from the repair; wrong guesses cost points, a right answer counts once', () => {
    const s = catalog.start('imagepull-wrong-tag', 1);
    expect(s.summary.diagnosisCauses).toContain('wrong-tag');
    const wrong = s.diagnose({ object: 'pod/web', reason: 'ImagePullBackOff', cause: 'registry-unreachable' });
    expect(wrong).toMatchObject({ correct: false, wrongGuesses: 1, points: 0, objectRight: true, reasonRight: true, causeRight: false });
    const right = s.diagnose({ object: 'po/web', reason: 'imagepullbackoff', cause: 'wrong-tag' });
    expect(right).toMatchObject({ correct: true, wrongGuesses: 1, points: 20 });
    expect(s.diagnose({ object: 'pod/other', reason: 'x', cause: 'y' })).toMatchObject({ correct: true, wrongGuesses: 1, points: 20 });
    expect(s.progress().diagnosis).toEqual({ correct: true, wrongGuesses: 1, points: 20 });
  });

  it('answers each quiz question once, multiple choice included', () => {
    const s = catalog.start('crashloop-missing-env', 1);
    const [q] = s.quiz();
    expect(q).toMatchObject({ id: 'previous-logs', multiple: true, points: 15 });
    expect(s.answerQuiz('previous-logs', [1, 0])).toMatchObject({ correct: true, points: 15 });
    expect(() => s.answerQuiz('previous-logs', [0])).toThrow('quiz question "previous-logs" was already answered');
    expect(() => s.answerQuiz('nope', [0])).toThrow('quiz question "nope" does not exist');
    expect(s.quiz()[0].answered).toMatchObject({ correct: true, points: 15 });
    expect(s.progress().quizPoints).toBe(15);
    const other = catalog.start('imagepull-wrong-tag', 1);
    expect(other.answerQuiz('pull-backoff-schedule', [0])).toMatchObject({ correct: false, points: 0 });
  });
});

describe('state-aware hints', () => {
  it('reads the live cluster: the same hint says something else once the node is back but cordoned', () => {
    const s = catalog.start('node-notready-kubelet', 2);
    expect(s.takeHint(1).text).toBe('Log in to the node with ssh node02 and look at systemctl status kubelet.');
    s.exec('ssh node02');
    s.exec('systemctl start kubelet');
    s.tick(5_000);
    expect(s.hints()[1].text).toBe('node02 is Ready again. The cache pod turns Ready at its next readiness probe, a few seconds away.');
    s.exec('exit');
    s.exec('kubectl cordon node02');
    expect(s.takeHint(1).text).toMatch(/^node02 is cordoned now/);
  });
});

describe('running commands', () => {
  it('streams `kubectl get -w` rows as the cluster changes, until interrupted', () => {
    const s = catalog.start('imagepull-wrong-tag', 1);
    const r = s.exec('kubectl get pods -w');
    expect(r.stdout).toMatch(/^NAME\s+READY\s+STATUS/);
    expect(r.streamId).toBeDefined();
    expect(s.readStreams()).toEqual([]);
    s.exec('kubectl set image pod/web web=nginx:1.27');
    s.tick(5_000);
    const [out] = s.readStreams();
    expect(out.streamId).toBe(r.streamId);
    expect(out.stdout).toMatch(/^web\s+1\/1\s+Running\s+0\s+\d+s$/m);
    s.interrupt(r.streamId!);
    s.exec('kubectl delete pod web --grace-period=0 --force');
    s.tick(2_000);
    expect(s.readStreams()).toEqual([]);
  });

  it('ends `kubectl logs -f` by itself when the container exits: the last read carries `ended`', () => {
    const s = catalog.start('crashloop-missing-env', 1);
    let streamId: string | undefined;
    // the crash-looping container runs for a moment between back-offs: catch it running
    for (let i = 0; i < 400 && !streamId; i++) {
      streamId = s.exec('kubectl logs -f orders-api').streamId;
      if (!streamId) s.tick(250);
    }
    expect(streamId).toBeDefined();
    let last: ReturnType<typeof s.readStreams> = [];
    for (let i = 0; i < 60 && !last.some((o) => o.ended); i++) {
      s.tick(1000);
      last = s.readStreams();
    }
    expect(last).toEqual([expect.objectContaining({ streamId, ended: true })]);
    s.tick(1000);
    expect(s.readStreams()).toEqual([]);
  });
});
