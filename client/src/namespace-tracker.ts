/**
 * The namespace the prompt shows: the client follows the one command that changes the current
 * context's namespace (`kubectl config set-context --current --namespace=NS`). Pure.
 */
const SET_CONTEXT = /^\s*kubectl\s+config\s+set-context\s+--current\s+--namespace(?:=|\s+)["']?([a-z0-9]([-a-z0-9]*[a-z0-9])?)["']?\s*$/;

/** The namespace a successful command switched to, or null when it did not switch. */
export function namespaceSwitch(command: string, exitCode: number): string | null {
  if (exitCode !== 0) return null;
  return SET_CONTEXT.exec(command)?.[1] ?? null;
}
