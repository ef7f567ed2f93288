import { Injectable } from '@nestjs/common';
import type { LiveAttempt } from './live-attempt';

/**
 * The singleton map of attempts whose clusters live in memory, keyed by attempt id.
 * The only holder of player state in the process (what a sticky-routed scale-out would shard).
 */
@Injectable()
export class AttemptRegistry {
  private readonly live = new Map<string, LiveAttempt>();
  /** The same attempts by player: a start looks for the player's own, not through thousands of others. */
  private readonly byPlayer = new Map<string, Set<LiveAttempt>>();

  get(attemptId: string): LiveAttempt | undefined {
    return this.live.get(attemptId);
  }

  findByPlayerScenario(playerId: string, scenarioId: string, eventId: string | null): LiveAttempt | undefined {
    for (const attempt of this.ofPlayer(playerId)) {
      if (attempt.scenarioId === scenarioId && attempt.eventId === eventId && !attempt.closing) return attempt;
    }
    return undefined;
  }

  ofPlayer(playerId: string): Iterable<LiveAttempt> {
    return this.byPlayer.get(playerId) ?? [];
  }

  add(attempt: LiveAttempt): void {
    this.remove(attempt.id);
    this.live.set(attempt.id, attempt);
    const own = this.byPlayer.get(attempt.playerId);
    if (own) own.add(attempt);
    else this.byPlayer.set(attempt.playerId, new Set([attempt]));
  }

  remove(attemptId: string): void {
    const attempt = this.live.get(attemptId);
    if (!attempt) return;
    this.live.delete(attemptId);
    const own = this.byPlayer.get(attempt.playerId);
    own?.delete(attempt);
    if (own?.size === 0) this.byPlayer.delete(attempt.playerId);
  }

  all(): LiveAttempt[] {
    return [...this.live.values()];
  }
}
