/**
 * Wire shapes of features whose server side is on another branch (tab completion and kubectl edit,
 * from the kubectl branch), exactly as their contracts state them. Once they are in src/game/protocol
 * these become type re-exports from there.
 */
import type { CommandResult } from '../../src/game/protocol/messages';

/** `command:complete` {attemptId, line} → candidates replace the trailing `prefix` of the line. */
export interface CompletionResponse {
  prefix: string;
  candidates: string[];
}

/** `kubectl edit` hands the object's YAML to the browser's editor pane. */
export interface EditRequest {
  editId: string;
  text: string;
  path: string;
}

export type EditableResult = CommandResult & { edit?: EditRequest };
