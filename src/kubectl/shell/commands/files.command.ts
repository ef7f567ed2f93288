import { CommandResult, ok } from '../../result';
import { isDirectory, readPath } from '../fs-view';
import { VirtualFs } from '../vfs';
import { getopt, ShellCommand } from './command';

const resolve = (p: string, cwd: string) => VirtualFs.resolve(p, cwd);

export const touchCommand: ShellCommand = {
  name: 'touch',
  summary: 'create empty files',
  run(args, io): CommandResult {
    if (!args.length) return { stdout: '', stderr: "touch: missing file operand\nTry 'touch --help' for more information.\n", exitCode: 1 };
    for (const a of args) {
      const p = resolve(a, io.state.cwd);
      if (io.vfs.read(p) === undefined) io.vfs.write(p, '');
    }
    return ok();
  },
};

export const mkdirCommand: ShellCommand = {
  name: 'mkdir',
  summary: 'create directories (-p)',
  run(args, io): CommandResult {
    const parsed = getopt('mkdir', args, 'p', '');
    if (typeof parsed === 'string') return { stdout: '', stderr: parsed, exitCode: 1 };
    if (!parsed.operands.length) return { stdout: '', stderr: "mkdir: missing operand\nTry 'mkdir --help' for more information.\n", exitCode: 1 };
    let err = '';
    for (const a of parsed.operands) {
      const p = resolve(a, io.state.cwd);
      if (isDirectory(io.vfs, p) && !parsed.opts.has('p')) err += `mkdir: cannot create directory '${a}': File exists\n`;
      else io.vfs.mkdir(p);
    }
    return { stdout: '', stderr: err, exitCode: err ? 1 : 0 };
  },
};

export const rmCommand: ShellCommand = {
  name: 'rm',
  summary: 'remove files (-f, -r)',
  run(args, io): CommandResult {
    const parsed = getopt('rm', args, 'frRv', '');
    if (typeof parsed === 'string') return { stdout: '', stderr: parsed, exitCode: 1 };
    const { opts, operands } = parsed;
    if (!operands.length && !opts.has('f')) return { stdout: '', stderr: "rm: missing operand\nTry 'rm --help' for more information.\n", exitCode: 1 };
    let err = '';
    for (const a of operands) {
      const p = resolve(a, io.state.cwd);
      if (io.vfs.isDir(p)) {
        if (!opts.has('r') && !opts.has('R')) {
          err += `rm: cannot remove '${a}': Is a directory\n`;
          continue;
        }
        for (const f of Object.keys(io.vfs.toJSON())) if (f.startsWith(`${p}/`)) io.vfs.remove(f);
      } else if (!io.vfs.remove(p) && !opts.has('f')) err += `rm: cannot remove '${a}': No such file or directory\n`;
    }
    return { stdout: '', stderr: err, exitCode: err ? 1 : 0 };
  },
};

function copy(name: 'cp' | 'mv', args: string[], io: Parameters<ShellCommand['run']>[1]): CommandResult {
  if (args.length < 2) return { stdout: '', stderr: `${name}: missing file operand\nTry '${name} --help' for more information.\n`, exitCode: 1 };
  const [src, dst] = [args[0], args[args.length - 1]];
  const from = resolve(src, io.state.cwd);
  const r = readPath(io.vfs, from);
  if (!r.ok) return { stdout: '', stderr: `${name}: cannot stat '${src}': No such file or directory\n`, exitCode: 1 };
  let to = resolve(dst, io.state.cwd);
  if (isDirectory(io.vfs, to)) to = `${to}/${from.split('/').pop()}`;
  io.vfs.write(to, r.content);
  if (name === 'mv') io.vfs.remove(from);
  return ok();
}

export const cpCommand: ShellCommand = { name: 'cp', summary: 'copy a file', run: (args, io) => copy('cp', args, io) };
export const mvCommand: ShellCommand = { name: 'mv', summary: 'move a file', run: (args, io) => copy('mv', args, io) };
