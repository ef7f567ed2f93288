import { testShell } from '../testing/fixture';

const RBAC = `kubectl apply -f - <<'EOF'
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: pod-reader
rules:
- apiGroups: [""]
  resources: [pods, pods/log]
  verbs: [get, list, watch]
- apiGroups: [""]
  resources: [configmaps]
  resourceNames: [app-config]
  verbs: [get]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: read-pods
subjects:
- kind: User
  name: jane
- kind: ServiceAccount
  name: ci
  namespace: default
roleRef:
  kind: Role
  name: pod-reader
  apiGroup: rbac.authorization.k8s.io
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: ops-view
subjects:
- kind: Group
  name: ops
  apiGroup: rbac.authorization.k8s.io
roleRef:
  kind: ClusterRole
  name: view
  apiGroup: rbac.authorization.k8s.io
EOF`;

function setup() {
  const t = testShell();
  expect(t.run(RBAC)).toMatchObject({ exitCode: 0 });
  return t;
}

describe('kubectl auth can-i', () => {
  it.each<[string, string, string, number]>([
    ['kubectl auth can-i create pods', 'yes\n', '', 0],
    ['kubectl auth can-i \'*\' \'*\' -A', 'yes\n', '', 0],
    ['kubectl auth can-i list pods --as=jane', 'yes\n', '', 0],
    ['kubectl auth can-i get pods/log --as=jane', 'yes\n', '', 0],
    ['kubectl auth can-i get pods --subresource=log --as=jane', 'yes\n', '', 0],
    ['kubectl auth can-i delete pods --as=jane', 'no\n', '', 1],
    ['kubectl auth can-i list pods --as=jane -n kube-system', 'no\n', '', 1],
    ['kubectl auth can-i list pods --as=jane -A', 'no\n', '', 1],
    ['kubectl auth can-i get configmaps/app-config --as=jane', 'yes\n', '', 0],
    ['kubectl auth can-i get configmap other --as=jane', 'no\n', '', 1],
    ['kubectl auth can-i list configmaps --as=jane', 'no\n', '', 1],
    ['kubectl auth can-i watch pods --as=system:serviceaccount:default:ci', 'yes\n', '', 0],
    ['kubectl auth can-i watch pods --as=system:serviceaccount:kube-system:ci', 'no\n', '', 1],
    ['kubectl auth can-i list deployments.apps -n kube-system --as=bob --as-group=ops', 'yes\n', '', 0],
    ['kubectl auth can-i get secrets --as=bob --as-group=ops', 'no\n', '', 1],
    ['kubectl auth can-i delete nodes --as=bob --as-group=system:masters', 'yes\n', "Warning: resource 'nodes' is not namespace scoped\n\n", 0],
    ['kubectl auth can-i get /healthz --as=nobody', 'yes\n', '', 0],
    ['kubectl auth can-i get /logs --as=nobody', 'no\n', '', 1],
    ['kubectl auth can-i list nodes', 'yes\n', "Warning: resource 'nodes' is not namespace scoped\n\n", 0],
    ['kubectl auth can-i frob foos --as=jane', 'no\n', "Warning: verb 'frob' is not a known verb\nWarning: the server doesn't have a resource type 'foos'\n", 1],
    ['kubectl auth can-i delete pods --as=jane -q', '', '', 1],
    ['kubectl auth can-i get', '', "error: you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples\n", 1],
  ])('%s', (line, stdout, stderr, exitCode) => {
    expect(setup().run(line)).toEqual({ stdout, stderr, exitCode });
  });

  it('lists what a user may do, broken down per resource and sorted as kubectl sorts', () => {
    const r = setup().run('kubectl auth can-i --list --as=jane');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Resources                                       Non-Resource URLs   Resource Names   Verbs');
    expect(lines[1]).toBe('selfsubjectreviews.authentication.k8s.io        []                  []               [create]');
    expect(r.stdout).toContain('\npods/log                                        []                  []               [get list watch]\npods                                            []                  []               [get list watch]\n');
    expect(r.stdout).toContain('\nconfigmaps                                      []                  [app-config]     [get]\n');
    expect(r.stdout).toContain('\n                                                [/healthz]          []               [get]\n');
    expect(setup().run('kubectl auth can-i --list').stdout.split('\n').slice(1, 3)).toEqual([
      '*.*                                             []                  []               [*]',
      '                                                [*]                 []               [*]',
    ]);
  });

  it('says who the default user is, and whom --as impersonates', () => {
    expect(setup().run('kubectl auth whoami').stdout).toBe('ATTRIBUTE   VALUE\nUsername    kubernetes-admin\nGroups      [kubeadm:cluster-admins system:authenticated]\n');
    expect(setup().run('kubectl auth whoami --as=system:serviceaccount:default:ci').stdout).toBe(
      'ATTRIBUTE   VALUE\nUsername    system:serviceaccount:default:ci\nGroups      [system:serviceaccounts system:serviceaccounts:default system:authenticated]\n',
    );
  });
});

describe('RBAC objects', () => {
  it('prints roles and bindings with the real columns, and describes them', () => {
    const t = setup();
    expect(t.run('kubectl get clusterroles view edit admin cluster-admin').stdout).toBe(
      'NAME            CREATED AT\nview            2025-01-08T09:00:00Z\nedit            2025-01-08T09:00:00Z\nadmin           2025-01-08T09:00:00Z\ncluster-admin   2025-01-08T09:00:00Z\n',
    );
    expect(t.run('kubectl get rolebindings -o wide').stdout).toBe('NAME        ROLE              AGE   USERS   GROUPS   SERVICEACCOUNTS\nread-pods   Role/pod-reader   0s    jane             default/ci\n');
    expect(t.run('kubectl get clusterrolebinding ops-view').stdout).toBe('NAME       ROLE               AGE\nops-view   ClusterRole/view   0s\n');
    expect(t.run('kubectl describe role pod-reader').stdout).toBe(
      'Name:         pod-reader\nLabels:       <none>\nAnnotations:  <none>\nPolicyRule:\n  Resources   Non-Resource URLs  Resource Names  Verbs\n  ---------   -----------------  --------------  -----\n  pods/log    []                 []              [get list watch]\n  pods        []                 []              [get list watch]\n  configmaps  []                 [app-config]    [get]\n',
    );
    expect(t.run('kubectl describe rolebinding read-pods').stdout).toBe(
      'Name:         read-pods\nLabels:       <none>\nAnnotations:  <none>\nRole:\n  Kind:  Role\n  Name:  pod-reader\nSubjects:\n  Kind            Name  Namespace\n  ----            ----  ---------\n  User            jane  \n  ServiceAccount  ci    default\n',
    );
  });

  it('creates roles and bindings with the generators', () => {
    const t = testShell();
    expect(t.run('kubectl create role pod-reader --verb=get,list --verb=watch --resource=pods,deployments.apps,pods/log').stdout).toBe('role.rbac.authorization.k8s.io/pod-reader created\n');
    expect(JSON.parse(t.run('kubectl get role pod-reader -o jsonpath={.rules}').stdout)).toEqual([
      { apiGroups: [''], resources: ['pods', 'pods/log'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: ['apps'], resources: ['deployments'], verbs: ['get', 'list', 'watch'] },
    ]);
    expect(t.run('kubectl create rolebinding dev --role=pod-reader --user=jane --serviceaccount=default:ci').stdout).toBe('rolebinding.rbac.authorization.k8s.io/dev created\n');
    expect(t.run('kubectl auth can-i list deployments --as=jane').stdout).toBe('yes\n');
    expect(t.run('kubectl create clusterrole node-reader --verb=get --resource=nodes').stdout).toBe('clusterrole.rbac.authorization.k8s.io/node-reader created\n');
    expect(t.run('kubectl create clusterrolebinding nr --clusterrole=node-reader --group=ops').stdout).toBe('clusterrolebinding.rbac.authorization.k8s.io/nr created\n');
    expect(t.run('kubectl auth can-i get nodes --as=x --as-group=ops').stdout).toBe('yes\n');
    expect(t.run('kubectl create rolebinding bad --user=jane').stderr).toBe("error: exactly one of clusterrole or role must be specified\nSee 'kubectl create rolebinding -h' for help and examples\n");
    expect(t.run('kubectl create role r --resource=pods').stderr).toBe("error: at least one verb must be specified\nSee 'kubectl create role -h' for help and examples\n");
    expect(t.run('kubectl create role r --verb=fly --resource=pods').stderr).toBe("error: invalid verb: 'fly'\n");
    expect(t.run('kubectl create rolebinding x --role=r --serviceaccount=ci').stderr).toBe("error: serviceaccount must be <namespace>:<name>\nSee 'kubectl create rolebinding -h' for help and examples\n");
  });

  it('validates rules and bindings as the API server does, and keeps roleRef immutable', () => {
    const t = testShell();
    const bad = t.run("kubectl apply -f - <<'EOF'\napiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: bad\nrules:\n- resources: [pods]\n  verbs: []\nEOF");
    expect(bad.stderr).toBe('The Role "bad" is invalid: \n* rules[0].verbs: Required value: verbs must contain at least one value\n* rules[0].apiGroups: Required value: resource rules must supply at least one api group\n');
    const crb = t.run("kubectl apply -f - <<'EOF'\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: x\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: Role\n  name: r\nsubjects:\n- kind: ServiceAccount\n  name: ci\nEOF");
    expect(crb.stderr).toBe('The ClusterRoleBinding "x" is invalid: \n* roleRef.kind: Unsupported value: "Role": supported values: "ClusterRole"\n* subjects[0].namespace: Required value\n');
    t.run('kubectl create rolebinding rb --clusterrole=view --user=jane');
    const patched = t.run('kubectl patch rolebinding rb --type=merge -p \'{"roleRef":{"name":"edit"}}\'');
    expect(patched.stderr).toBe('The RoleBinding "rb" is invalid: roleRef: Invalid value: rbac.RoleRef{APIGroup:"rbac.authorization.k8s.io", Kind:"ClusterRole", Name:"edit"}: cannot change roleRef\n');
  });
});
