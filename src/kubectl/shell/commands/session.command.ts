import { ok } from '../../result';
import { isDirectory } from '../fs-view';
import { HOME, VirtualFs } from '../vfs';
import { ShellCommand } from './command';

export const pwdCommand: ShellCommand = { name: 'pwd', summary: 'print the working directory', run: (_a, io) => ok(`${io.state.cwd}\n`) };

export const cdCommand: ShellCommand = {
  name: 'cd',
  summary: 'change directory',
  run(args, io) {
    const target = VirtualFs.resolve(args[0] ?? HOME, io.state.cwd);
    if (!isDirectory(io.vfs, target)) return { stdout: '', stderr: `bash: cd: ${args[0]}: No such file or directory\n`, exitCode: 1 };
    io.state.cwd = target;
    return ok();
  },
};

export const clearCommand: ShellCommand = { name: 'clear', summary: 'clear the screen', run: () => ok('\x1b[H\x1b[2J\x1b[3J') };

export const exportCommand: ShellCommand = {
  name: 'export',
  summary: 'set environment variables (NAME=value)',
  run(args, io) {
    for (const a of args) {
      const eq = a.indexOf('=');
      if (eq > 0) io.state.env[a.slice(0, eq)] = a.slice(eq + 1);
    }
    if (!args.length) return ok(Object.entries(io.state.env).map(([k, v]) => `declare -x ${k}="${v}"\n`).join(''));
    return ok();
  },
};

export const envCommand: ShellCommand = {
  name: 'env',
  summary: 'print the environment',
  run: (_a, io) => ok(Object.entries(io.state.env).map(([k, v]) => `${k}=${v}\n`).join('')),
};

export const trueCommand: ShellCommand = { name: 'true', summary: 'do nothing, successfully', run: () => ok() };
export const falseCommand: ShellCommand = { name: 'false', summary: 'do nothing, unsuccessfully', run: () => ({ stdout: '', stderr: '', exitCode: 1 }) };
