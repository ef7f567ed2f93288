import { testShell } from '../../kubectl/testing/fixture';

const DEPLOY = (selector: string, label: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  selector:
    matchLabels:
      app: ${selector}
  template:
    metadata:
      labels:
        app: ${label}
    spec:
      containers:
      - name: web
        image: nginx:1.27
`;

const JOB = (image: string) => `apiVersion: batch/v1
kind: Job
metadata:
  name: pi
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: pi
        image: ${image}
`;

const PVC = (size: string, mode: string) => `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: [${mode}]
  resources:
    requests:
      storage: ${size}
`;

describe('immutable fields on update (the API server refuses, with its exact text)', () => {
  it.each([
    [
      'Deployment spec.selector',
      DEPLOY('web', 'web'),
      DEPLOY('web2', 'web2'),
      'The Deployment "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable\n',
    ],
    [
      'Deployment spec.selector with a template that no longer matches',
      DEPLOY('web', 'web'),
      DEPLOY('web2', 'web'),
      // kubectl lists several causes one per line.
      'The Deployment "web" is invalid: \n* spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`\n* spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable\n',
    ],
    ['PVC storage class / access modes', PVC('1Gi', 'ReadWriteOnce'), PVC('1Gi', 'ReadWriteMany'), 'The PersistentVolumeClaim "data" is invalid: spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims\n'],
  ])('%s', (_label, before, after, error) => {
    const t = testShell();
    t.vfs.write('/root/a.yaml', before);
    expect(t.run('kubectl apply -f a.yaml').exitCode).toBe(0);
    t.cluster.tick(5000);
    t.vfs.write('/root/a.yaml', after);
    const r = t.run('kubectl apply -f a.yaml');
    expect(r.stderr).toContain(error.trimEnd());
    expect(r.exitCode).toBe(1);
    const replaced = t.run('kubectl replace -f a.yaml');
    expect(replaced.stderr).toBe(error);
  });

  it('a Job pod template cannot change; its selector neither', () => {
    const t = testShell();
    t.vfs.write('/root/job.yaml', JOB('busybox:crash'));
    t.run('kubectl apply -f job.yaml');
    const r = t.run('kubectl set image job/pi pi=nginx:1.27');
    expect(r.stderr).toMatch(/^error: jobs.batch "pi" is invalid: spec.template: Invalid value: core.PodTemplateSpec\{.*\}: field is immutable\n$|The Job "pi" is invalid: spec.template: Invalid value: core.PodTemplateSpec\{.*Image:"nginx:1.27".*\}: field is immutable/s);
    const sel = t.run(`kubectl patch job pi --type=merge -p '{"spec":{"selector":{"matchLabels":{"x":"y"}}}}'`);
    expect(sel.stderr).toContain('spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"batch.kubernetes.io/controller-uid":');
    expect(sel.stderr).toContain('field is immutable');
  });

  it('a Service keeps its clusterIP; a PVC may still grow', () => {
    const t = testShell();
    t.run('kubectl create service clusterip web --tcp=80:80');
    const ip = t.cluster.api.get<any>('Service', 'default', 'web').spec.clusterIP;
    const r = t.run(`kubectl patch svc web -p '{"spec":{"clusterIP":"10.96.99.99"}}'`);
    expect(r.stderr).toContain(`The Service "web" is invalid: spec.clusterIPs[0]: Invalid value: "10.96.99.99": may not change once set`);
    expect(t.cluster.api.get<any>('Service', 'default', 'web').spec.clusterIP).toBe(ip);
    t.vfs.write('/root/pvc.yaml', PVC('1Gi', 'ReadWriteOnce'));
    t.run('kubectl apply -f pvc.yaml');
    t.vfs.write('/root/pvc.yaml', PVC('2Gi', 'ReadWriteOnce'));
    expect(t.run('kubectl apply -f pvc.yaml')).toMatchObject({ stdout: 'persistentvolumeclaim/data configured\n', exitCode: 0 });
  });
});
