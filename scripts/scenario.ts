/**
 * Authoring tool for scenario files, no server needed:
 *   npm run scenario -- validate FILE...   validate by simulation (exit 1 on failure)
 *   npm run scenario -- play FILE          a local terminal session against the scenario
 *   npm run scenario -- schema             the format's JSON Schema (docs/scenario.schema.json)
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { loadScenario, ScenarioFormatError } from '../src/scenarios/load';
import { formatReport, validateScenario } from '../src/scenarios/validate';
import { ScenarioSessionImpl } from '../src/scenarios/scenario-session';
import { scenarioJsonSchema } from '../src/scenarios/format/json-schema';

function load(file: string) {
  try {
    return loadScenario(readFileSync(file, 'utf8'), file);
  } catch (e) {
    if (e instanceof ScenarioFormatError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
}

function validate(files: string[]): void {
  let ok = true;
  for (const file of files) {
    const report = validateScenario(load(file));
    process.stdout.write(`${formatReport(report)}\n`);
    ok &&= report.ok;
  }
  process.exit(ok ? 0 : 1);
}

function play(file: string): void {
  const session = ScenarioSessionImpl.start(load(file), Date.now() % 100000);
  process.stdout.write(`${session.summary.title}\n${session.summary.summary}\nType kubectl commands; "status" shows the objectives, "quit" leaves.\n`);
  const rl = createInterface({ input: process.stdin, output: process.stdout, prompt: '$ ' });
  let last = Date.now();
  let buffer: string[] = [];
  let terminator: string | undefined;
  rl.prompt();
  rl.on('line', (line) => {
    session.tick(Date.now() - last);
    last = Date.now();
    if (terminator !== undefined) {
      buffer.push(line);
      if (line.trim() !== terminator) return;
      terminator = undefined;
    } else {
      if (line.trim() === 'quit') return rl.close();
      if (line.trim() === 'status') {
        for (const o of session.progress().objectives) process.stdout.write(`${o.met ? '✓' : '✗'} ${o.description}${o.whyNot ? ` — ${o.whyNot}` : ''}\n`);
        return rl.prompt();
      }
      const heredoc = line.match(/<<-?\s*['"]?(\w+)['"]?/);
      buffer = [line];
      if (heredoc) {
        terminator = heredoc[1];
        return;
      }
    }
    const r = session.exec(buffer.join('\n'));
    process.stdout.write(r.stdout);
    process.stderr.write(r.stderr);
    if (session.progress().solved) process.stdout.write(`\nSolved!\n${session.debrief()}\n`);
    rl.prompt();
  });
}

const [verb, ...args] = process.argv.slice(2);
if (verb === 'schema') process.stdout.write(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
else if (verb === 'validate' && args.length) validate(args);
else if (verb === 'play' && args.length === 1) play(args[0]);
else {
  process.stderr.write('usage: npm run scenario -- validate FILE...\n       npm run scenario -- play FILE\n       npm run scenario -- schema\n');
  process.exit(2);
}
