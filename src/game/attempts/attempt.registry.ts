import { Injectable } from '@nestjs/common';
import type { LiveAttempt } from './live-attempt';

/**
 * The singleton map of attempts whose clusters live in memory, keyed by attempt id.
 * The only holder of player state in the process (what a sticky-routed scale-out would shard).
 */
@Injectable()
export class AttemptRegistry {
  private readonly live = new Map<string, LiveAttempt>();

  get(attemptId: string): LiveAttempt | undefined {
    return this.live.get(attemptId);
  }

  findByPlayerScenario(playerId: string, scenarioId: string, eventId: string | null): LiveAttempt | undefined {
    for (const attempt of this.live.values()) {
      if (attempt.playerId === playerId && attempt.scenarioId === scenarioId && attempt.eventId === eventId && !attempt.closing) return attempt;
    }
    return undefined;
  }

  add(attempt: LiveAttempt): void {
    this.live.set(attempt.id, attempt);
  }

  remove(attemptId: string): void {
    this.live.delete(attemptId);
  }

  all(): LiveAttempt[] {
    return [...this.live.values()];
  }
}
