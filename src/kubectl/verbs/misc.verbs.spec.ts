import { testShell } from '../testing/fixture';

describe('kubectl version, api-resources, config', () => {
  it.each<[string, string]>([
    ['kubectl version', 'Client Version: v1.32.2\nKustomize Version: v5.5.0\nServer Version: v1.32.2\n'],
    ['kubectl version --client', 'Client Version: v1.32.2\nKustomize Version: v5.5.0\n'],
    ['kubectl api-resources --namespaced=false', 'NAME                  SHORTNAMES   APIVERSION                     NAMESPACED   KIND\nnamespaces            ns           v1                             false        Namespace\nnodes                 no           v1                             false        Node\npersistentvolumes     pv           v1                             false        PersistentVolume\nclusterrolebindings                rbac.authorization.k8s.io/v1   false        ClusterRoleBinding\nclusterroles                       rbac.authorization.k8s.io/v1   false        ClusterRole\npriorityclasses       pc           scheduling.k8s.io/v1           false        PriorityClass\nstorageclasses        sc           storage.k8s.io/v1              false        StorageClass\n'],
    ['kubectl api-resources -o name', 'configmaps\nendpoints\nevents\nlimitranges\nnamespaces\nnodes\npersistentvolumeclaims\npersistentvolumes\npods\nresourcequotas\nsecrets\nserviceaccounts\nservices\ndeployments.apps\nreplicasets.apps\njobs.batch\nleases.coordination.k8s.io\nendpointslices.discovery.k8s.io\npoddisruptionbudgets.policy\nclusterrolebindings.rbac.authorization.k8s.io\nclusterroles.rbac.authorization.k8s.io\nrolebindings.rbac.authorization.k8s.io\nroles.rbac.authorization.k8s.io\npriorityclasses.scheduling.k8s.io\nstorageclasses.storage.k8s.io\n'],
    ['kubectl config current-context', 'kubernetes-admin@kubernetes\n'],
    ['kubectl config get-contexts', 'CURRENT   NAME                          CLUSTER      AUTHINFO           NAMESPACE\n*         kubernetes-admin@kubernetes   kubernetes   kubernetes-admin   \n'],
  ])('%s', (line, stdout) => {
    expect(testShell().run(line)).toEqual({ stdout, stderr: '', exitCode: 0 });
  });

  it('switches the default namespace with set-context --current and keeps it in ~/.kube/config', () => {
    const t = testShell();
    expect(t.run('kubectl config set-context --current --namespace=kube-system').stdout).toBe('Context "kubernetes-admin@kubernetes" modified.\n');
    expect(t.run('kubectl get pods').stderr).toBe('No resources found in kube-system namespace.\n');
    expect(t.run('kubectl config view').stdout).toContain('    namespace: kube-system\n');
    expect(t.vfs.read('/root/.kube/config')).toContain('current-context: kubernetes-admin@kubernetes');
    expect(t.run('kubectl config use-context nope').stderr).toBe('error: no context exists with the name: "nope"\n');
  });
});

describe('kubectl dispatch', () => {
  it.each<[string, string, number]>([
    ['kubectl frobnicate', 'error: unknown command "frobnicate" for "kubectl"\nRun \'kubectl --help\' for usage.\n', 1],
    ['kubectl gett', 'error: unknown command "gett" for "kubectl"\n\nDid you mean this?\n\tget\n\tset\n\nRun \'kubectl --help\' for usage.\n', 1],
    ['kubectl port-forward web 8080:80', 'error: "kubectl port-forward" is not available in this terminal yet.\nRun \'kubectl --help\' for the commands it supports.\n', 1],
    ['kubectl --foo', "error: unknown flag: --foo\nSee 'kubectl --help' for usage.\n", 1],
    ['kubectl get pods --context=nope', 'error: context was not found for specified context: nope\n', 1],
  ])('%s', (line, stderr, exitCode) => {
    expect(testShell().run(line)).toEqual({ stdout: '', stderr, exitCode });
  });

  it('prints help for kubectl, kubectl --help and kubectl get --help', () => {
    const t = testShell();
    expect(t.run('kubectl').stdout).toMatch(/^kubectl controls the Kubernetes cluster manager\.\n/);
    expect(t.run('kubectl --help').stdout).toContain('Basic Commands (Intermediate):\n  get             Display one or many resources\n');
    const get = t.run('kubectl get --help').stdout;
    expect(get).toContain('Usage:\n  kubectl get [(-o|--output=)json|yaml|name');
    expect(get).toContain('    -A, --all-namespaces=false:\n');
    expect(t.run('kubectl help logs').stdout).toContain('kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER] [options]');
  });

  it('finds the verb after global flags', () => {
    const t = testShell();
    t.cluster.tick(2000);
    expect(t.run('kubectl -n kube-node-lease get leases -o name').stdout).toBe('lease.coordination.k8s.io/control-plane\nlease.coordination.k8s.io/worker-1\n');
  });
});
