import { awkCommand } from './awk.command';
import { base64Command } from './base64.command';
import { catCommand } from './cat.command';
import { ShellCommand } from './command';
import { cutCommand } from './cut.command';
import { echoCommand } from './echo.command';
import { cpCommand, mkdirCommand, mvCommand, rmCommand, touchCommand } from './files.command';
import { grepCommand } from './grep.command';
import { headCommand } from './head.command';
import { helpCommand } from './help.command';
import { historyCommand } from './history.command';
import { lsCommand } from './ls.command';
import { cdCommand, clearCommand, envCommand, exportCommand, falseCommand, pwdCommand, trueCommand } from './session.command';
import { sedCommand } from './sed.command';
import { sortCommand } from './sort.command';
import { tailCommand } from './tail.command';
import { uniqCommand } from './uniq.command';
import { wcCommand } from './wc.command';

/** Every shell builtin, in the order `help` lists them. */
export const SHELL_COMMANDS: readonly ShellCommand[] = [
  echoCommand,
  catCommand,
  grepCommand,
  headCommand,
  tailCommand,
  wcCommand,
  sortCommand,
  uniqCommand,
  sedCommand,
  awkCommand,
  cutCommand,
  base64Command,
  lsCommand,
  cdCommand,
  pwdCommand,
  touchCommand,
  mkdirCommand,
  rmCommand,
  cpCommand,
  mvCommand,
  exportCommand,
  envCommand,
  trueCommand,
  falseCommand,
  clearCommand,
  historyCommand,
  helpCommand(() => SHELL_COMMANDS),
];

const byName = new Map(SHELL_COMMANDS.map((c) => [c.name, c]));

export function findShellCommand(name: string): ShellCommand | undefined {
  return byName.get(name);
}
