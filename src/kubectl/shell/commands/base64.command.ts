import { CommandResult } from '../../result';
import { getopt, inputs, ShellCommand } from './command';

export const base64Command: ShellCommand = {
  name: 'base64',
  summary: 'encode, or decode with -d (Secret values)',
  run(args, io): CommandResult {
    const parsed = getopt('base64', args, 'dw', '', { decode: 'd' });
    if (typeof parsed === 'string') return { stdout: '', stderr: parsed, exitCode: 1 };
    const { texts, errors } = inputs('base64', parsed.operands, io);
    const text = texts.map((t) => t.text).join('');
    if (parsed.opts.has('d')) {
      const clean = text.replace(/\s+/g, '');
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) return { stdout: Buffer.from(clean.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64').toString('utf8'), stderr: 'base64: invalid input\n', exitCode: 1 };
      return { stdout: Buffer.from(clean, 'base64').toString('utf8'), stderr: errors, exitCode: errors ? 1 : 0 };
    }
    const encoded = Buffer.from(text, 'utf8').toString('base64');
    return { stdout: `${encoded.replace(/(.{76})/g, '$1\n').replace(/\n$/, '')}\n`, stderr: errors, exitCode: errors ? 1 : 0 };
  },
};
