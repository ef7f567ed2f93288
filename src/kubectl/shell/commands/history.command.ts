import { CommandResult } from '../../result';
import { ShellCommand } from './command';

/** bash's HISTSIZE default. */
export const HISTORY_SIZE = 500;

/** `history [N]` and `history -c`: the lines typed in this session, numbered as bash numbers them. */
export const historyCommand: ShellCommand = {
  name: 'history',
  summary: 'list the commands typed so far (history [N], history -c)',
  run(args, io): CommandResult {
    const state = io.state;
    state.history ??= [];
    if (args[0] === '-c') {
      state.history = [];
      state.historyBase = 0;
      return { stdout: '', stderr: '', exitCode: 0 };
    }
    if (args[0] !== undefined && !/^\d+$/.test(args[0])) return { stdout: '', stderr: `bash: history: ${args[0]}: numeric argument required\n`, exitCode: 1 };
    const base = state.historyBase ?? 0;
    const all = state.history.map((line, i) => `${String(base + i + 1).padStart(5)}  ${line}\n`);
    const shown = args[0] !== undefined ? (Number(args[0]) === 0 ? [] : all.slice(-Number(args[0]))) : all;
    return { stdout: shown.join(''), stderr: '', exitCode: 0 };
  },
};
