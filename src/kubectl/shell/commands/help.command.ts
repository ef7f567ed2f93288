import { ok } from '../../result';
import { ShellCommand } from './command';

/** `help`: what this terminal understands. Built from the registry so it never goes stale. */
export function helpCommand(all: () => readonly ShellCommand[]): ShellCommand {
  return {
    name: 'help',
    summary: 'this list',
    run() {
      const width = Math.max(...all().map((c) => c.name.length)) + 2;
      const builtins = all()
        .map((c) => `  ${c.name.padEnd(width)}${c.summary}\n`)
        .join('');
      return ok(
        'This terminal talks to a simulated Kubernetes cluster.\n\n' +
          '  kubectl ...   the Kubernetes CLI (also `k`); try `kubectl --help`\n' +
          '  ssh NODE      log in to a node (systemctl, journalctl there)\n\n' +
          'Shell features: pipes (|), ; && ||, > >> < redirects, here-documents (<<EOF), $(...), quotes.\n\n' +
          `Commands:\n${builtins}`,
      );
    },
  };
}
