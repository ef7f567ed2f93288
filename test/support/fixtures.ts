/** The reference fix for `imagepull-wrong-tag`, sent as one multi-line command (the shell supports heredocs). */
export const IMAGEPULL_FIX = `kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
spec:
  containers:
  - name: web
    image: nginx:1.27
    ports:
    - containerPort: 80
EOF`;

export const BUILT_IN_SCENARIO_IDS = [
  'pending-insufficient-cpu',
  'imagepull-wrong-tag',
  'crashloop-missing-env',
  'node-notready-kubelet',
  'readiness-wrong-port',
];
