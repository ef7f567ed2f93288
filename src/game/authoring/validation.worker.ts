/**
 * Worker-thread entry of ValidationPool: validation by simulation runs here, off the server's event loop.
 * Messages in: { id, text }; out: { ready: true } once loaded, then { id, check } or { id, error } per job.
 */
import { parentPort } from 'node:worker_threads';
import { type AuthoringCheck, checkScenarioText } from '../../scenarios/authoring-check';

export type { AuthoringCheck };

export interface ValidationJobMessage {
  id: number;
  text: string;
}

export type ValidationWorkerMessage =
  | { ready: true }
  | { id: number; check: AuthoringCheck }
  | { id: number; error: string };

const port = parentPort;
if (port) {
  port.on('message', ({ id, text }: ValidationJobMessage) => {
    let reply: ValidationWorkerMessage;
    try {
      reply = { id, check: checkScenarioText(text) };
    } catch (err) {
      reply = { id, error: err instanceof Error ? err.message : String(err) };
    }
    port.postMessage(reply);
  });
  port.postMessage({ ready: true } satisfies ValidationWorkerMessage);
}
