import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as protobuf from 'protobufjs';
import { decodeProtobuf } from './protobuf';

const root = protobuf.Root.fromJSON(JSON.parse(gunzipSync(readFileSync(resolve(__dirname, '../../../assets/k8s-protobuf-1.32.json.gz'))).toString()) as protobuf.INamespace);

/** What kubectl 1.32 sends: `k8s\0` + runtime.Unknown{typeMeta, raw}. */
function envelope(apiVersion: string, kind: string, type: string, obj: Record<string, unknown>): Buffer {
  const T = root.lookupType(type);
  const raw = T.encode(T.fromObject(obj)).finish();
  const Unknown = root.lookupType('k8s.io.apimachinery.pkg.runtime.Unknown');
  const body = Unknown.encode(Unknown.fromObject({ typeMeta: { apiVersion, kind }, raw, contentType: '' })).finish();
  return Buffer.concat([Buffer.from('k8s\0', 'binary'), Buffer.from(body)]);
}

describe('protobuf request bodies', () => {
  it('decodes a Deployment with Go JSON conventions (zero replicas kept, empty strings dropped, IntOrString)', () => {
    const body = envelope('apps/v1', 'Deployment', 'k8s.io.api.apps.v1.Deployment', {
      metadata: { name: 'api', namespace: '', labels: { app: 'api' }, creationTimestamp: { seconds: 0 } },
      spec: {
        replicas: 0,
        selector: { matchLabels: { app: 'api' } },
        strategy: { rollingUpdate: { maxSurge: { type: 1, strVal: '25%' }, maxUnavailable: { type: 0, intVal: 1 } } },
        template: { metadata: { labels: { app: 'api' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', resources: {}, terminationMessagePath: '' }] } },
      },
    });
    expect(decodeProtobuf(body)).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'api', labels: { app: 'api' } },
      spec: {
        replicas: 0,
        selector: { matchLabels: { app: 'api' } },
        strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: 1 } },
        template: { metadata: { labels: { app: 'api' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', resources: {} }] } },
      },
    });
  });

  it('decodes Secret data (bytes) as base64 and rejects a body without the envelope', () => {
    const body = envelope('v1', 'Secret', 'k8s.io.api.core.v1.Secret', { metadata: { name: 's' }, data: { p: Buffer.from('q') }, type: 'Opaque' });
    expect(decodeProtobuf(body)).toEqual({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { p: 'cQ==' }, type: 'Opaque' });
    expect(() => decodeProtobuf(Buffer.from('{}'))).toThrow('provided data does not have the protobuf envelope prefix');
  });
});
