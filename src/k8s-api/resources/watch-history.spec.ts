import { testCluster } from '../../cluster-engine/test-support/fixtures';
import { ConfigMap } from '../../cluster-engine';
import { historyOf } from './watch-history';

const cm = (name: string, v: string): ConfigMap => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default' }, data: { v } }) as ConfigMap;

describe('watch history', () => {
  it('replays the changes after a resourceVersion, and catches up older ones from the current objects', () => {
    const c = testCluster();
    const before = c.api.create(cm('early', '1'));
    const h = historyOf(c);
    expect(historyOf(c)).toBe(h);
    const start = Number(c.resourceVersion);
    c.api.create(cm('a', '1'));
    c.api.update({ ...c.api.get<ConfigMap>('ConfigMap', 'default', 'a'), data: { v: '2' } });
    c.api.delete('ConfigMap', 'default', 'a');
    expect(h.since(start, () => []).map((e) => [e.type, e.object.metadata.name, (e.object as ConfigMap).data?.v])).toEqual([
      ['ADDED', 'a', '1'],
      ['MODIFIED', 'a', '2'],
      ['DELETED', 'a', '2'],
    ]);
    // From before the history began: objects written since come first, as MODIFIED.
    const older = h.since(Number(before.metadata.resourceVersion) - 1, () => c.api.list('ConfigMap', { namespace: 'default' }));
    expect(older.map((e) => [e.type, e.object.metadata.name])).toEqual([
      ['MODIFIED', 'early'],
      ['ADDED', 'a'],
      ['MODIFIED', 'a'],
      ['DELETED', 'a'],
    ]);
  });
});
