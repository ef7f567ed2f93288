import { CONTEXT_NAME, contextNamespace, defaultKubeconfig, KUBECONFIG_PATH, writeKubeconfig } from './kubeconfig';
import { VirtualFs } from './shell/vfs';

function withNamespace(vfs: VirtualFs, namespace: string | undefined): void {
  const cfg = defaultKubeconfig();
  cfg.contexts = cfg.contexts.map((c) => (c.name === CONTEXT_NAME ? { ...c, context: { ...c.context, ...(namespace ? { namespace } : {}) } } : c));
  writeKubeconfig(vfs, cfg);
}

describe('contextNamespace (the YAML is parsed again only when its text changed)', () => {
  it('follows every change of the kubeconfig, across file systems', () => {
    const a = new VirtualFs();
    const b = new VirtualFs();
    expect(contextNamespace(a)).toBe('default');
    withNamespace(a, 'team-a');
    expect(contextNamespace(a)).toBe('team-a');
    expect(contextNamespace(b)).toBe('default');
    expect(contextNamespace(a)).toBe('team-a');
    withNamespace(b, 'team-b');
    expect(contextNamespace(b)).toBe('team-b');
    expect(contextNamespace(a)).toBe('team-a');
    withNamespace(a, 'other');
    expect(contextNamespace(a)).toBe('other');
    withNamespace(a, undefined);
    expect(contextNamespace(a)).toBe('default');
    a.write(KUBECONFIG_PATH, 'not: [valid');
    expect(contextNamespace(a)).toBe('default');
    withNamespace(a, 'back');
    a.remove(KUBECONFIG_PATH);
    expect(contextNamespace(a)).toBe('default');
  });
});
