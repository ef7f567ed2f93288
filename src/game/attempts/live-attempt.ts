import type { ScenarioSession } from '../../scenarios/session.types';

/** An attempt whose cluster is in memory. */
export interface LiveAttempt {
  readonly id: string;
  readonly playerId: string;
  /** Shown to an event's instructor; changes when a guest claims an account. */
  playerName: string;
  readonly scenarioId: string;
  readonly track: string;
  /** The event the attempt is played in, or null. */
  readonly eventId: string | null;
  readonly session: ScenarioSession;
  /** Sequence number of the next command log row. */
  nextSeq: number;
  /** `seq` of the last timeline entry stored; the session keeps the later ones until they are. */
  timelineCursor: number;
  /** What the last pushed progress looked like (see progressKey), so unchanged progress is not pushed. */
  lastProgressKey: string;
  /** Set once solving or abandoning has begun; such an attempt accepts nothing more. */
  closing: boolean;
  /** A player changed the cluster (a command or an API write) since the stored snapshot was taken. */
  unsavedInput: boolean;
  /** Wall-clock ms when the stored state last caught up with this attempt (a start needs no snapshot: it is a pure function of its seed). */
  savedAt: number;
}

export function attemptRoom(attemptId: string): string {
  return `attempt:${attemptId}`;
}
