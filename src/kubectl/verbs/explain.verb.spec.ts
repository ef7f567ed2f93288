import { testShell } from '../testing/fixture';
import { wrapString } from '../explain/word-wrap';
import { schemaForKind } from '../explain/openapi';
import { allKinds } from '../../cluster-engine';

describe('kubectl explain', () => {
  const run = (line: string) => testShell().run(line);

  it('explains a kind: KIND/VERSION, the wrapped description, and each field with its type', () => {
    const r = run('kubectl explain pods');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^KIND:       Pod\nVERSION:    v1\n\nDESCRIPTION:\n    Pod is a collection of containers that can run on a host\. This resource is\n    created by clients and scheduled onto hosts\.\nFIELDS:\n  apiVersion\t<string>\n    APIVersion defines/);
    expect(r.stdout).toContain('\n  metadata\t<ObjectMeta>\n    Standard object\'s metadata. More info:\n    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata\n\n');
    expect(r.stdout).toContain('\n  spec\t<PodSpec>\n');
    expect(r.stdout.endsWith('#spec-and-status\n\n\n')).toBe(true);
  });

  it('follows a field path through lists and refs, marking required fields', () => {
    const r = run('kubectl explain pod.spec.containers');
    expect(r.stdout).toMatch(/^KIND:       Pod\nVERSION:    v1\n\nFIELD: containers <\[\]Container>\n\n\nDESCRIPTION:\n    List of containers belonging to the pod\./);
    expect(r.stdout).toContain('\n  name\t<string> -required-\n');
    expect(r.stdout).toContain('\n  env\t<[]EnvVar>\n');
    expect(r.stdout).toContain('\n  resources\t<ResourceRequirements>\n');
    expect(run('kubectl explain svc.spec.ports.targetPort').stdout).toMatch(/\nFIELD: targetPort <IntOrString>\n/);
    expect(run('kubectl explain pod.metadata.labels').stdout).toMatch(/\nFIELD: labels <map\[string\]string>\n/);
    expect(run('kubectl explain pod.metadata.creationTimestamp').stdout).toMatch(/\nFIELD: creationTimestamp <string>\n/);
  });

  it('prints a GROUP line for grouped kinds and only names with --recursive', () => {
    const r = run('kubectl explain deployment.spec.strategy --recursive');
    expect(r.stdout).toBe(
      'GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\nFIELD: strategy <DeploymentStrategy>\n\n\nDESCRIPTION:\n    The deployment strategy to use to replace existing pods with new\n    ones.DeploymentStrategy describes how to replace existing pods with new\n    ones.\nFIELDS:\n  rollingUpdate\t<RollingUpdateDeployment>\n    maxSurge\t<IntOrString>\n    maxUnavailable\t<IntOrString>\n  type\t<string>\n\n',
    );
    expect(run('kubectl explain deployments.apps.spec.replicas').stdout).toMatch(/^GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\nFIELD: replicas <integer>\n/);
  });

  it('stops at cycles in --recursive (JSONSchemaProps-like refs) and terminates for every kind', () => {
    for (const kind of ['pods', 'nodes', 'services', 'deployments', 'jobs', 'persistentvolumes', 'configmaps', 'secrets', 'events', 'namespaces']) {
      const r = run(`kubectl explain ${kind} --recursive`);
      expect(r.exitCode).toBe(0);
      expect(r.stdout.length).toBeGreaterThan(200);
    }
  });

  it.each([
    ['kubectl explain pod.spec.foo', 'error: field "foo" does not exist\n'],
    ['kubectl explain pod.spec.nodeName.x', 'error: field "x" does not exist\n'],
    ['kubectl explain widgets', 'error: the server doesn\'t have a resource type "widgets"\n'],
    ['kubectl explain pods nodes', "error: We accept only this format: explain RESOURCE\nSee 'kubectl explain -h' for help and examples\n"],
    ['kubectl explain', 'You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nSee \'kubectl explain -h\' for help and examples\n'],
  ])('%s', (line, stderr) => {
    expect(run(line)).toEqual({ stdout: '', stderr, exitCode: 1 });
  });
});

describe('the OpenAPI extract', () => {
  it.each(allKinds().map((k) => [k.kind, k.apiVersion]))('has the schema of %s (%s); else run node scripts/extract-openapi.mjs', (kind, apiVersion) => {
    expect(schemaForKind(apiVersion, kind)).toBeDefined();
  });
});

describe('go-wordwrap', () => {
  it.each([
    ['short words here', 10, 'short\nwords here'],
    ['averyveryverylongword and more', 10, 'averyveryverylongword\nand more'],
    ['a  b', 80, 'a  b'],
    ['fits exactly', 12, 'fits exactly'],
  ])('%j at %d', (text, lim, expected) => {
    expect(wrapString(text, lim)).toBe(expected);
  });
});
