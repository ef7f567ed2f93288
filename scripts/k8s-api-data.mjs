#!/usr/bin/env node
// Copies the Kubernetes 1.32 API data the per-attempt API needs at run time into assets/, minified and
// gzipped: the official OpenAPI v3 documents it serves (kubectl apply, edit, explain read them) and the
// protobufjs descriptor of k8s.io/api v0.32.5 (kubectl 1.32 sends protobuf bodies for `create …`).
// Usage: node scripts/k8s-api-data.mjs [/path/to/shared/k8s]
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.argv[2] ?? '/work/shared/k8s';
const source = join(shared, 'openapi-v3-1.32');
const out = join(root, 'assets', 'k8s-openapi-1.32');
// Every group-version the engine serves, plus the ones its subresources and generators reference.
const GROUP_VERSIONS = [
  'api/v1',
  'apis/apps/v1',
  'apis/batch/v1',
  'apis/autoscaling/v1',
  'apis/autoscaling/v2',
  'apis/coordination.k8s.io/v1',
  'apis/discovery.k8s.io/v1',
  'apis/storage.k8s.io/v1',
  'apis/scheduling.k8s.io/v1',
  'apis/policy/v1',
  'apis/rbac.authorization.k8s.io/v1',
  'apis/networking.k8s.io/v1',
  'apis/authorization.k8s.io/v1',
];

rmSync(out, { recursive: true, force: true });
let total = 0;
for (const gv of GROUP_VERSIONS) {
  const doc = JSON.stringify(JSON.parse(readFileSync(join(source, `${gv}.json`), 'utf8')));
  const gz = gzipSync(doc, { level: 9 });
  const file = join(out, `${gv}.json.gz`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, gz);
  total += gz.length;
  console.log(`${gv}: ${doc.length} → ${gz.length} bytes`);
}
console.log(`total ${total} bytes in ${out}`);

const descriptor = JSON.stringify(JSON.parse(readFileSync(join(shared, 'protobuf-k8s-api-1.32.json'), 'utf8')));
const proto = gzipSync(descriptor, { level: 9 });
writeFileSync(join(root, 'assets', 'k8s-protobuf-1.32.json.gz'), proto);
console.log(`protobuf descriptor: ${descriptor.length} → ${proto.length} bytes`);
