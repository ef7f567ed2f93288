/** House rules for the game layer and the client, checked on the source text (the project has no linter yet). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(__dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'dist' ? [] : sources(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

const imports = (file: string): Array<{ typeOnly: boolean; from: string }> =>
  [...readFileSync(file, 'utf8').matchAll(/^(?:import|export)\s+(type\s+)?[^'"]*?from\s+'([^']+)'/gm)].map((m) => ({
    typeOnly: Boolean(m[1]),
    from: m[2],
  }));

describe('layering', () => {
  const gameFiles = sources(join(root, 'src', 'game'));
  const clientFiles = sources(join(root, 'client', 'src'));

  it('the client imports from the server only wire types of src/game/protocol, type-only', () => {
    const wireImports = clientFiles.flatMap((file) => imports(file)).filter((i) => i.from.includes('/src/game/protocol/'));
    expect(wireImports.length).toBeGreaterThan(0); // the check below is not vacuous
    const offenders = clientFiles.flatMap((file) =>
      imports(file)
        .filter((i) => i.from.includes('/src/'))
        .filter((i) => !i.typeOnly || !i.from.includes('/src/game/protocol/'))
        .map((i) => `${relative(root, file)} → ${i.from}`),
    );
    expect(offenders).toEqual([]);
  });

  it('only src/game/persistence uses the Prisma client', () => {
    const offenders = gameFiles
      .filter((file) => !file.includes(`${join('src', 'game', 'persistence')}`))
      .filter((file) => imports(file).some((i) => i.from.includes('generated/prisma') || i.from.startsWith('@prisma/')))
      .map((file) => relative(root, file));
    expect(offenders).toEqual([]);
  });

  it('the game layer reaches lower layers only through the session contract and the catalogue provider', () => {
    const allowed = (file: string, target: string): boolean =>
      target === join(root, 'src', 'scenarios', 'session.types') ||
      (target === join(root, 'src', 'scenarios', 'catalog') && file.endsWith('scenario-catalog.provider.ts')) ||
      // the one thread that runs the validator on instructors' uploads
      (target === join(root, 'src', 'scenarios', 'authoring-check') && file.endsWith(join('authoring', 'validation.worker.ts')));
    const lower = ['scenarios', 'kubectl', 'cluster-engine'].map((dir) => join(root, 'src', dir) + '/');
    const offenders = gameFiles.flatMap((file) =>
      imports(file)
        .filter((i) => i.from.startsWith('.'))
        .map((i) => resolve(file, '..', i.from))
        .filter((target) => lower.some((dir) => target.startsWith(dir)) && !allowed(file, target))
        .map((target) => `${relative(root, file)} → ${relative(root, target)}`),
    );
    expect(offenders).toEqual([]);
  });

  it('server code logs through Nest\'s Logger, never console', () => {
    const files = [...gameFiles, join(root, 'src', 'main.ts'), join(root, 'src', 'app.module.ts')];
    expect(files.filter((file) => /\bconsole\./.test(readFileSync(file, 'utf8'))).map((f) => relative(root, f))).toEqual([]);
  });
});
