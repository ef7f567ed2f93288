import { ok } from '../../result';
import { ShellCommand } from './command';

function interpret(s: string): string {
  return s.replace(/\\([nt\\ae0])/g, (_m, c: string) => ({ n: '\n', t: '\t', '\\': '\\', a: '\x07', e: '\x1b', '0': '\0' })[c] ?? c);
}

export const echoCommand: ShellCommand = {
  name: 'echo',
  summary: 'print arguments (-n: no newline, -e: interpret escapes)',
  run(args) {
    let newline = true;
    let escapes = false;
    let i = 0;
    for (; i < args.length && /^-[neE]+$/.test(args[i]); i++) {
      if (args[i].includes('n')) newline = false;
      if (args[i].includes('e')) escapes = true;
    }
    const text = args.slice(i).join(' ');
    return ok((escapes ? interpret(text) : text) + (newline ? '\n' : ''));
  },
};
