import { ObjectStore } from './store';
import { KubeObject, WatchEvent } from '../api/types';
import { ApiError } from '../api/errors';

const cm = (name: string, data: Record<string, string> = {}): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default' }, data });

describe('ObjectStore', () => {
  it('bumps one cluster-wide resourceVersion on every write', () => {
    const s = new ObjectStore();
    const a = s.create(cm('a'));
    const b = s.create(cm('b'));
    expect(Number(b.metadata.resourceVersion)).toBe(Number(a.metadata.resourceVersion) + 1);
    expect(s.resourceVersion).toBe(b.metadata.resourceVersion);
  });

  it('rejects a stale update with the real 409 Conflict message', () => {
    const s = new ObjectStore();
    const v1 = s.create(cm('a'));
    s.update({ ...v1, data: { x: '1' } });
    let err: ApiError | undefined;
    try {
      s.update({ ...v1, data: { x: '2' } });
    } catch (e) {
      err = e as ApiError;
    }
    expect(err?.status).toMatchObject({
      code: 409,
      reason: 'Conflict',
      message: 'Operation cannot be fulfilled on configmaps "a": the object has been modified; please apply your changes to the latest version and try again',
    });
  });

  it('keeps the resourceVersion and emits nothing for a write that changes nothing', () => {
    const s = new ObjectStore();
    const v1 = s.create(cm('a', { k: 'v' }));
    const events: WatchEvent[] = [];
    s.watch((e) => events.push(e));
    const same = s.update({ ...v1, data: { k: 'v' } });
    expect(same.metadata.resourceVersion).toBe(v1.metadata.resourceVersion);
    expect(events).toHaveLength(0);
  });

  it('streams ADDED, MODIFIED and DELETED watch events', () => {
    const s = new ObjectStore();
    const events: string[] = [];
    const stop = s.watch((e) => events.push(`${e.type} ${e.object.metadata.name} ${e.object.metadata.resourceVersion}`));
    const a = s.create(cm('a'));
    s.update({ ...a, data: { k: 'v' } });
    s.remove('ConfigMap', 'default', 'a');
    stop();
    s.create(cm('b'));
    expect(events).toEqual(['ADDED a 1', 'MODIFIED a 2', 'DELETED a 3']);
  });

  it('lists in etcd key order: namespace, then name', () => {
    const s = new ObjectStore();
    for (const [ns, name] of [['b', 'x'], ['a', 'z'], ['a', 'b']]) s.create({ ...cm(name), metadata: { name, namespace: ns } });
    expect(s.list('ConfigMap').map((o) => `${o.metadata.namespace}/${o.metadata.name}`)).toEqual(['a/b', 'a/z', 'b/x']);
  });

  it('survives a dump and load unchanged', () => {
    const s = new ObjectStore();
    s.create(cm('a', { k: 'v' }));
    const copy = ObjectStore.load(JSON.parse(JSON.stringify(s.dump())));
    expect(copy.get('ConfigMap', 'default', 'a')).toEqual(s.get('ConfigMap', 'default', 'a'));
    expect(copy.create(cm('b')).metadata.resourceVersion).toBe('2');
  });

  it('shares frozen objects between stores without writing into them (warm starts)', () => {
    const source = new ObjectStore();
    source.create(cm('a', { x: '1' }));
    source.create(cm('b'));
    const data = source.dump();
    for (const o of data.objects) Object.freeze(Object.freeze(o).data);
    const one = ObjectStore.share(data);
    const two = ObjectStore.share(data);
    const a = one.get('ConfigMap', 'default', 'a')!;
    one.update({ ...a, data: { x: '2' } });
    one.remove('ConfigMap', 'default', 'b');
    expect(one.get('ConfigMap', 'default', 'a')?.data).toEqual({ x: '2' });
    expect(two.get('ConfigMap', 'default', 'a')?.data).toEqual({ x: '1' });
    expect(two.list('ConfigMap').map((o) => o.metadata.name)).toEqual(['a', 'b']);
    expect(data.objects[0].data).toEqual({ x: '1' });
    expect(one.create(cm('c')).metadata.resourceVersion).toBe(String(Number(data.revision) + 3));
  });
});

describe('ObjectStore over a shared base', () => {
  const cm = (name: string, ns = 'default', v = '1'): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: ns, resourceVersion: v }, data: { v } }) as KubeObject;
  const frozenBase = () => Object.freeze({ revision: 3, objects: Object.freeze([cm('b'), cm('a'), cm('c', 'kube-system'), { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default', resourceVersion: '1' } } as KubeObject].map((o) => Object.freeze(o))) });
  const names = (s: ObjectStore, ns?: string) => s.scan('ConfigMap', ns).map((o) => o.metadata.name);

  it('reads the base as its own, writes over it without touching it or another store over it', () => {
    const base = frozenBase();
    const one = ObjectStore.share(base);
    const two = ObjectStore.share(base);
    expect(names(one)).toEqual(['a', 'b', 'c']);
    expect(one.peek('ConfigMap', 'default', 'a')).toBe(base.objects[1]);
    one.update({ ...cm('a'), data: { v: 'changed' } } as KubeObject);
    one.remove('ConfigMap', 'default', 'b');
    one.create(cm('d'));
    expect(() => one.create(cm('a'))).toThrow();
    expect(names(one)).toEqual(['a', 'd', 'c']);
    expect(names(one, 'default')).toEqual(['a', 'd']);
    expect((one.get('ConfigMap', 'default', 'a') as unknown as { data: unknown }).data).toEqual({ v: 'changed' });
    expect(one.peek('ConfigMap', 'default', 'b')).toBeUndefined();
    expect(names(two)).toEqual(['a', 'b', 'c']);
    expect(two.peek('ConfigMap', 'default', 'a')).toBe(base.objects[1]);
    // Re-creating a deleted base object stores a new one.
    one.create(cm('b'));
    expect(names(one)).toEqual(['a', 'b', 'd', 'c']);
    expect(one.peek('ConfigMap', 'default', 'b')).not.toBe(base.objects[0]);
  });

  it('dumps only what differs from the base, and loads that back over it', () => {
    const base = frozenBase();
    const store = ObjectStore.share(base);
    expect(store.dumpAgainstBase()).toEqual({ revision: 3, objects: [], removed: [] });
    expect(store.pristineBase()).toBe(base);
    store.remove('ConfigMap', 'default', 'b');
    store.create(cm('d'));
    store.update({ ...cm('a'), data: { v: '1', w: '2' } } as KubeObject);
    expect(store.pristineBase()).toBeUndefined();
    const delta = JSON.parse(JSON.stringify(store.dumpAgainstBase()));
    expect(delta.removed).toEqual(['ConfigMap/default/b']);
    expect(delta.objects.map((o: KubeObject) => o.metadata.name)).toEqual(['d']);
    // A base object written since is its delta from the base's.
    expect(delta.changed).toEqual({ 'ConfigMap/default/a': { p: { metadata: { p: { resourceVersion: { s: '6' } } }, data: { p: { w: { s: '2' } } } } } });
    const back = ObjectStore.overBase(base, delta);
    expect(names(back)).toEqual(names(store));
    expect(back.get('ConfigMap', 'default', 'a')).toEqual(store.get('ConfigMap', 'default', 'a'));
    expect(back.resourceVersion).toBe(store.resourceVersion);
    expect(back.dumpAgainstBase()).toEqual(delta);
    expect(ObjectStore.load({ revision: 1, objects: [cm('x')] }).dumpAgainstBase()).toBeUndefined();
  });
});
