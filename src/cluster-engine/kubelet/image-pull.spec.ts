import { getPod, pod, testCluster } from '../test-support/fixtures';

describe('image pulls', () => {
  it('goes ErrImagePull ▸ ImagePullBackOff for a missing tag, Phase Pending, with containerd\'s message', () => {
    const c = testCluster([pod('web', { image: 'nginx:1.27.99' })]);
    const seen = new Set<string>();
    for (let s = 0; s < 60; s++) {
      c.tick(1000);
      const w = getPod(c, 'web').status.containerStatuses?.[0].state.waiting;
      if (w) seen.add(w.reason!);
    }
    expect([...seen]).toEqual(expect.arrayContaining(['ContainerCreating', 'ErrImagePull', 'ImagePullBackOff']));
    const p = getPod(c, 'web');
    expect(p.status.phase).toBe('Pending');
    expect(p.status.containerStatuses![0].restartCount).toBe(0);
    const failed = c.api.list<any>('Event').find((e) => e.reason === 'Failed' && e.message.startsWith('Failed to pull'));
    expect(failed.message).toBe(
      'Failed to pull image "nginx:1.27.99": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.27.99": failed to resolve reference "docker.io/library/nginx:1.27.99": docker.io/library/nginx:1.27.99: not found',
    );
    const backoff = c.api.list<any>('Event').find((e) => e.reason === 'BackOff');
    expect(backoff.message).toBe('Back-off pulling image "nginx:1.27.99"');
  });

  it('retries pulls on the 10s-doubling schedule', () => {
    const c = testCluster([pod('web', { image: 'nginx:1.27.99' })]);
    const pulls: number[] = [];
    let lastCount = 0;
    const t0 = c.nowMs();
    for (let s = 0; s < 200; s++) {
      c.tick(1000);
      const ev = c.api.list<any>('Event').find((e) => e.reason === 'Pulling');
      if (ev && ev.count !== lastCount) {
        lastCount = ev.count;
        pulls.push((c.nowMs() - t0) / 1000);
      }
    }
    const gaps = pulls.slice(1).map((t, i) => t - pulls[i]);
    // each failed pull takes 1s; the next starts when the back-off (10, 20, 40, 80s) has passed
    expect(gaps.slice(0, 4)).toEqual([11, 21, 41, 81]);
  });

  it('needs a pull secret for a private image', () => {
    const c = testCluster([pod('priv', { image: 'corp/private:1' })]);
    c.tick(5000);
    const w = getPod(c, 'priv').status.containerStatuses![0].state.waiting!;
    expect(w.reason).toBe('ErrImagePull');
    expect(w.message).toContain('pull access denied, repository does not exist or may require authorization');
    const auth = Buffer.from(JSON.stringify({ auths: { 'https://index.docker.io/v1/': { auth: 'eDp5' } } })).toString('base64');
    c.api.create({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'regcred', namespace: 'default' }, type: 'kubernetes.io/dockerconfigjson', data: { '.dockerconfigjson': auth } });
    c.api.delete('Pod', 'default', 'priv', { gracePeriodSeconds: 0 });
    c.api.create(pod('priv2', { image: 'corp/private:1', imagePullSecrets: [{ name: 'regcred' }] }));
    c.tick(10_000);
    expect(getPod(c, 'priv2').status.containerStatuses![0].state.running).toBeDefined();
  });

  it('restarts with the new image when the spec image is fixed', () => {
    const c = testCluster([pod('web', { image: 'nginx:1.27.99' })]);
    c.tick(30_000);
    const p = getPod(c, 'web');
    p.spec.containers[0].image = 'nginx:1.27';
    c.api.update(p);
    c.tick(5_000);
    const fixed = getPod(c, 'web');
    expect(fixed.status.phase).toBe('Running');
    expect(fixed.status.containerStatuses![0]).toMatchObject({ ready: true, image: 'docker.io/library/nginx:1.27', restartCount: 0 });
    expect(fixed.status.containerStatuses![0].imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
  });
});
