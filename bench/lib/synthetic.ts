import { loadScenario, LoadedScenario } from '../../src/scenarios/load';
import { loadBuiltInCatalog, ScenarioCatalog } from '../../src/scenarios/catalog';

/** Pods per synthetic worker node (the kubelet default max-pods is 110). */
const PODS_PER_NODE = 100;

export const syntheticId = (pods: number): string => `bench-${pods}-pods`;

/**
 * A synthetic scenario with `pods` nginx pods spread over enough workers. Its one objective names a pod
 * that never exists, so no benchmark command can solve (and so close) the attempt.
 */
export function syntheticScenarioYaml(pods: number): string {
  const workers = Math.max(1, Math.ceil(pods / PODS_PER_NODE));
  const nodes = ['    - { name: controlplane, role: control-plane }', ...Array.from({ length: workers }, (_, i) => `    - { name: node${String(i + 1).padStart(2, '0')} }`)];
  const manifests = Array.from(
    { length: pods },
    (_, i) => `  apiVersion: v1
  kind: Pod
  metadata:
    name: web-${i}
    labels: { app: web }
  spec:
    containers:
    - name: web
      image: nginx:1.27
      ports:
      - containerPort: 80`,
  ).join('\n  ---\n');
  return `id: ${syntheticId(pods)}
title: Benchmark cluster with ${pods} pods
summary: ${pods} nginx pods, nothing broken; only for npm run bench.
difficulty: beginner
track: pods-never-start
tags: [bench]
points: 100
parSeconds: 300
cluster:
  nodes:
${nodes.join('\n')}
  registry:
    - name: nginx
      tags:
        "1.27": { sizeBytes: 68520387 }
      behaviour:
        listens: [80]
        http: { "/": 200 }
        logs:
          - line: "nginx/1.27.3: start worker processes"
  warmupSeconds: 30
manifests: |
${manifests}
objectives:
  - id: never
    description: a pod that is never created is Ready (keeps the attempt open)
    check: { type: pod-ready, name: does-not-exist }
solution:
  - kubectl get pods
explanation: Benchmark only.
`;
}

export function syntheticScenario(pods: number): LoadedScenario {
  return loadScenario(syntheticScenarioYaml(pods), syntheticId(pods));
}

export const SYNTHETIC_SIZES = [5, 20, 50, 500];

/** The built-in pack plus the synthetic scenarios, as the bench server's catalogue. */
export function benchCatalog(sizes = SYNTHETIC_SIZES): ScenarioCatalog {
  const builtIn = loadBuiltInCatalog();
  const loaded = builtIn.list().map((s) => builtIn.scenario(s.id));
  return new ScenarioCatalog([...loaded, ...sizes.map(syntheticScenario)]);
}

/** A command that changes the cluster each time (a ConfigMap with a new value), as a player's apply. */
export function applyCommand(player: number, seq: number): string {
  return `kubectl apply -f - <<EOF
apiVersion: v1
kind: ConfigMap
metadata:
  name: bench-${player}
data:
  seq: "${seq}"
EOF`;
}
