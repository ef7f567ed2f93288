/**
 * Golden transcripts: what the terminal prints for everyday commands against fixed clusters, compared
 * byte for byte with the files in `test/golden/transcripts/`. Each file was checked by hand against
 * kubectl 1.32's formats (fidelity.md); a change in output fails here until it is reviewed.
 * Refresh after an intended change with: UPDATE_GOLDEN=1 npx jest test/golden
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Shell } from '../../src/kubectl/shell/shell';
import { VirtualFs } from '../../src/kubectl/shell/vfs';
import { GOLDEN_CASES } from './cases';

const DIR = join(__dirname, 'transcripts');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

function transcript(name: string): string {
  const c = GOLDEN_CASES.find((x) => x.name === name)!;
  const cluster = c.cluster();
  const shell = new Shell(cluster, new VirtualFs());
  let out = '';
  for (const step of c.steps) {
    if (typeof step === 'number') {
      cluster.tick(step * 1000);
      out += `# … ${step}s later\n`;
      continue;
    }
    const r = shell.run(step);
    out += `$ ${step}\n${r.stdout}${r.stderr}${r.exitCode ? `[exit ${r.exitCode}]\n` : ''}`;
  }
  return out;
}

describe('golden transcripts', () => {
  it('has at least 60 command/output pairs', () => {
    const pairs = GOLDEN_CASES.reduce((n, c) => n + c.steps.filter((s) => typeof s === 'string').length, 0);
    expect(pairs).toBeGreaterThanOrEqual(60);
  });

  it.each(GOLDEN_CASES.map((c) => c.name))('%s', (name) => {
    const file = join(DIR, `${name}.txt`);
    const actual = transcript(name);
    if (UPDATE) {
      mkdirSync(DIR, { recursive: true });
      writeFileSync(file, actual);
    }
    if (!existsSync(file)) throw new Error(`no golden transcript ${file}: review the output and run UPDATE_GOLDEN=1 npx jest test/golden`);
    expect(actual).toBe(readFileSync(file, 'utf8'));
  });
});
