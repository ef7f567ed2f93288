import { apiErrorOf, pod, testCluster } from '../test-support/fixtures';
import { Pod } from '../api/types';

describe('API server write path', () => {
  it('validates with Kubernetes wording', () => {
    const c = testCluster();
    const err = apiErrorOf(() => c.api.create({ ...pod('x', {}), spec: { containers: [{ name: 'app', image: '' }] } } as Pod));
    expect(err.status).toMatchObject({ code: 422, reason: 'Invalid', message: 'The Pod "x" is invalid: spec.containers[0].image: Required value' });
  });

  it('brackets several validation errors', () => {
    const c = testCluster();
    const err = apiErrorOf(() => c.api.create({ ...pod('x', {}), spec: { containers: [{ name: 'Bad_Name', image: '' }] } } as Pod));
    expect(err.message).toMatch(/^The Pod "x" is invalid: \[spec\.containers\[0\]\.name: Invalid value: "Bad_Name": a lowercase RFC 1123 label.*, spec\.containers\[0\]\.image: Required value\]$/);
  });

  it('defaults pods and runs mutating admission before validating admission', () => {
    const c = testCluster();
    const p = c.api.create(pod('web', {}));
    expect(p.spec).toMatchObject({ restartPolicy: 'Always', terminationGracePeriodSeconds: 30, schedulerName: 'default-scheduler', serviceAccountName: 'default', priority: 0 });
    expect(p.spec.containers[0].imagePullPolicy).toBe('IfNotPresent');
    expect(p.spec.tolerations).toEqual([
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ]);
    expect(p.spec.volumes![0].name).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(p.status.phase).toBe('Pending');
    expect(p.status.qosClass).toBe('BestEffort');
  });

  it('rejects content in a missing namespace (NamespaceLifecycle)', () => {
    const c = testCluster();
    const err = apiErrorOf(() => c.api.create({ ...pod('x', {}), metadata: { name: 'x', namespace: 'nope' } }));
    expect(err.status).toMatchObject({ code: 404, reason: 'NotFound', message: 'namespaces "nope" not found' });
  });

  it('forbids deleting the default namespace', () => {
    const c = testCluster();
    expect(apiErrorOf(() => c.api.delete('Namespace', undefined, 'default')).message).toBe('namespaces "default" is forbidden: this namespace may not be deleted');
  });

  it('refuses pod spec changes other than images, as the real API does', () => {
    const c = testCluster([pod('web', {})]);
    const p = c.api.get<Pod>('Pod', 'default', 'web');
    p.spec.containers[0].ports = [{ containerPort: 8080 }];
    expect(apiErrorOf(() => c.api.update(p)).message).toMatch(/^The Pod "web" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers\[\*\]\.image`/);
    const q = c.api.get<Pod>('Pod', 'default', 'web');
    q.spec.containers[0].image = 'nginx:1.26';
    expect(c.api.update(q).spec.containers[0].image).toBe('nginx:1.26');
  });

  it('deletes a running pod gracefully: Terminating until the kubelet has stopped it', () => {
    const c = testCluster([pod('web', {})]);
    c.tick(10_000);
    const deleting = c.api.delete<Pod>('Pod', 'default', 'web');
    expect(deleting.metadata.deletionTimestamp).toBeDefined();
    expect(deleting.metadata.deletionGracePeriodSeconds).toBe(30);
    expect(c.api.tryGet('Pod', 'default', 'web')).toBeDefined();
    c.tick(3_000);
    expect(c.api.tryGet('Pod', 'default', 'web')).toBeUndefined();
    const killing = c.api.list<any>('Event').find((e) => e.reason === 'Killing');
    expect(killing.message).toBe('Stopping container app');
  });

  it('deletes an unscheduled pod at once', () => {
    const c = testCluster([pod('big', { containers: [{ name: 'app', image: 'nginx:1.27', resources: { requests: { cpu: '64' } } }] })]);
    c.tick(2_000);
    c.api.delete('Pod', 'default', 'big');
    expect(c.api.tryGet('Pod', 'default', 'big')).toBeUndefined();
  });

  it.each([
    ['spec: 5', { spec: 5 }, 'json: cannot unmarshal number into Go struct field Pod.spec of type v1.PodSpec'],
    ['containers: 5', { spec: { containers: 5 } }, 'json: cannot unmarshal number into Go struct field PodSpec.spec.containers of type []v1.Container'],
    ['containers: [5]', { spec: { containers: [5] } }, 'json: cannot unmarshal number into Go struct field PodSpec.spec.containers of type v1.Container'],
    ['metadata: 5', { metadata: 5 }, 'json: cannot unmarshal number into Go struct field Pod.metadata of type v1.ObjectMeta'],
  ])('answers a wrong-typed body (%s) with the decode error, never a crash', (_label, patch, message) => {
    const c = testCluster([pod('web', {})]);
    const body = { ...pod('x', {}), ...patch } as unknown as Pod;
    const err = apiErrorOf(() => c.api.create(body));
    expect(err.status).toMatchObject({ code: 400, reason: 'BadRequest', message: `Pod in version "v1" cannot be handled as a Pod: ${message}` });
    const live = c.api.get<Pod>('Pod', 'default', 'web');
    expect(apiErrorOf(() => c.api.update({ ...live, ...patch } as unknown as Pod)).status.reason).toBe('BadRequest');
  });
});
