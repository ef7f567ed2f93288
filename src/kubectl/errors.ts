import { ApiError } from '../cluster-engine';

/** A client-side kubectl error, printed as `error: <message>` (with a usage hint when `usageOf` is set). */
export class KubectlError extends Error {
  constructor(
    message: string,
    /** `logs` → adds `See 'kubectl logs -h' for help and examples` (cmdutil.UsageErrorf). */
    readonly usageOf?: string,
  ) {
    super(message);
  }
}

/** resource.Builder's error when a command names no resources (delete, edit, scale). */
export const NO_RESOURCES = `You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

/** `utilerrors.NewAggregate(...).Error()`: one message as is, several as `[a, b]`. */
export function aggregateMessage(messages: readonly string[]): string {
  return messages.length === 1 ? messages[0] : `[${messages.join(', ')}]`;
}

/** `cmdutil.UsageErrorf`. */
export function usageError(verb: string, message: string): KubectlError {
  return new KubectlError(message, verb);
}

/**
 * kubectl's `CheckErr`: Invalid errors print `The Pod "x" is invalid: …` (one cause inline, several as a `* `
 * list); other API errors `Error from server (Reason): message`; client errors `error: message`.
 */
export function formatError(err: unknown): string {
  if (err instanceof ApiError) {
    const s = err.status;
    if (s.reason === 'Invalid' && s.details) {
      const prefix = s.details.kind || s.details.name ? `The ${s.details.kind ?? ''} "${s.details.name ?? ''}" is invalid` : 'The request is invalid';
      const causes = [...new Set((s.details.causes ?? []).map((c) => `${c.field}: ${c.message}`))];
      if (causes.length === 0) return `${prefix}\n`;
      if (causes.length === 1) return `${prefix}: ${causes[0]}\n`;
      return `${prefix}: \n${causes.map((c) => `* ${c}\n`).join('')}`;
    }
    return s.reason ? `Error from server (${s.reason}): ${s.message}\n` : `Error from server: ${s.message}\n`;
  }
  if (err instanceof KubectlError) {
    const msg = err.message.startsWith('error: ') ? err.message : `error: ${err.message}`;
    return err.usageOf ? `${msg}\nSee 'kubectl ${err.usageOf} -h' for help and examples\n` : `${msg}\n`;
  }
  throw err;
}

/** Re-wraps an API error's message the way `cmdutil.AddSourceToErr` does (`error when creating "pod.yaml": …`). */
export function withSource(err: unknown, verb: string, source: string): unknown {
  if (!(err instanceof ApiError) || !source) return err;
  return new ApiError({ ...err.status, message: `error when ${verb} "${source}": ${err.status.message}` });
}
