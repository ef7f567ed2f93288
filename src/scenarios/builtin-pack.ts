import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LoadedScenario, loadScenario } from './load';

/**
 * The one place in src/scenarios that touches the file system: it reads the built-in pack.
 * Resolved from the project root so it works from src/ (tests) and from dist/ (the built server).
 */
export const BUILTIN_DIR = resolve(__dirname, '../../src/scenarios/builtin');

export function readBuiltInScenarios(dir = BUILTIN_DIR): LoadedScenario[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.scenario.yaml'))
    .sort()
    .map((f) => loadScenario(readFileSync(join(dir, f), 'utf8'), f));
}
