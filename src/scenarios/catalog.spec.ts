import { loadBuiltInCatalog } from './catalog';
import { SessionSnapshot, SnapshotOutdatedError } from './session.types';

describe('ScenarioCatalog.restore', () => {
  const catalog = loadBuiltInCatalog();

  it('continues a session from its snapshot', () => {
    const session = catalog.start('imagepull-wrong-tag', 3);
    session.tick(5000);
    const restored = catalog.restore(JSON.parse(JSON.stringify(session.snapshot())) as SessionSnapshot);
    expect(restored.exec('kubectl get pods').stdout).toBe(session.exec('kubectl get pods').stdout);
  });

  it('refuses, as outdated, a snapshot taken over another warm-up of its scenario', () => {
    const session = catalog.start('imagepull-wrong-tag', 3);
    session.tick(5000);
    const json = JSON.stringify(session.snapshot());
    expect(json).toMatch(/"base":\{"id":"imagepull-wrong-tag@/);
    const fromAnotherWarmUp = JSON.parse(json.replace(/"base":\{"id":"imagepull-wrong-tag@[0-9a-f]+"/, '"base":{"id":"imagepull-wrong-tag@00000000"')) as SessionSnapshot;
    expect(() => catalog.restore(fromAnotherWarmUp)).toThrow(SnapshotOutdatedError);
  });
});
