import { CommandResult } from '../../result';
import { isDirectory, listDirectory, readPath } from '../fs-view';
import { VirtualFs } from '../vfs';
import { getopt, ShellCommand } from './command';

export const lsCommand: ShellCommand = {
  name: 'ls',
  summary: 'list files (-l long, -a all, -1 one per line)',
  run(args, io): CommandResult {
    const parsed = getopt('ls', args, 'la1hA', '');
    if (typeof parsed === 'string') return { stdout: '', stderr: parsed, exitCode: 2 };
    const { opts } = parsed;
    const targets = parsed.operands.length ? parsed.operands : ['.'];
    let out = '';
    let err = '';
    const blocks: string[] = [];
    const format = (dir: string, names: string[]) => {
      const shown = opts.has('a') ? ['./', '../', ...names] : names.filter((n) => !n.startsWith('.'));
      if (opts.has('l')) {
        return shown
          .map((n) => {
            const isDir = n.endsWith('/');
            const name = isDir ? n.slice(0, -1) : n;
            const r = isDir ? undefined : readPath(io.vfs, VirtualFs.resolve(name, dir));
            const size = r && r.ok ? Buffer.byteLength(r.content) : 4096;
            return `${isDir ? 'drwxr-xr-x 2' : '-rw-r--r-- 1'} root root ${String(size).padStart(5)} Jan 15 09:00 ${name}\n`;
          })
          .join('');
      }
      const plain = shown.map((n) => n.replace(/\/$/, ''));
      if (plain.length === 0) return '';
      return io.tty && !opts.has('1') ? `${plain.join('  ')}\n` : plain.map((n) => `${n}\n`).join('');
    };
    for (const t of targets) {
      const path = VirtualFs.resolve(t, io.state.cwd);
      if (isDirectory(io.vfs, path)) {
        const body = format(path, listDirectory(io.vfs, path));
        blocks.push(targets.length > 1 ? `${t}:\n${body}` : body);
      } else if (readPath(io.vfs, path).ok) blocks.push(opts.has('l') ? format(io.state.cwd, [t]) : `${t}\n`);
      else err += `ls: cannot access '${t}': No such file or directory\n`;
    }
    out = blocks.join(targets.length > 1 ? '\n' : '');
    return { stdout: out, stderr: err, exitCode: err ? 2 : 0 };
  },
};
