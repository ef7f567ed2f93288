import { readFileSync } from 'fs';
import { join } from 'path';
import { SHELL_COMMANDS } from './registry';

const spec = readFileSync(join(__dirname, '..', 'shell.spec.ts'), 'utf8');

describe('shell command registry', () => {
  it('has unique names', () => {
    const names = SHELL_COMMANDS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(SHELL_COMMANDS.filter((c) => !['export', 'env', 'touch', 'mv'].includes(c.name)).map((c) => [c.name]))('%s is exercised by shell.spec.ts', (name) => {
    expect(spec).toMatch(new RegExp(`['"|;&(] *${name}\\b|\\b${name} `));
  });
});
