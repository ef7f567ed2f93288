import { Inject, Injectable } from '@nestjs/common';
import { type ScenarioSession, type SessionSnapshot, SnapshotOutdatedError } from '../../scenarios/session.types';
import { GameError, GameErrorCode } from '../errors/game-error';
import { AttemptRecord, AttemptsRepository } from '../persistence/attempts.repository';
import { CommandLogsRepository } from '../persistence/command-logs.repository';
import { TimelineRepository } from '../persistence/timeline.repository';
import type { GameCatalog } from '../scenarios/game-catalog';
import { SCENARIO_CATALOG } from '../scenarios/scenario-catalog.provider';
import { AttemptRegistry } from './attempt.registry';
import { KeyedMutex } from './keyed-mutex';
import type { LiveAttempt } from './live-attempt';

/** Finds a player's live attempt, bringing it back from its stored snapshot after a restart. */
@Injectable()
export class AttemptLoader {
  private readonly mutex = new KeyedMutex();

  constructor(
    @Inject(SCENARIO_CATALOG) private readonly catalog: GameCatalog,
    private readonly registry: AttemptRegistry,
    private readonly attempts: AttemptsRepository,
    private readonly logs: CommandLogsRepository,
    private readonly timeline: TimelineRepository,
  ) {}

  async require(playerId: string, attemptId: string): Promise<LiveAttempt> {
    const live = this.registry.get(attemptId);
    if (live) return usableBy(live, playerId);
    // One load per attempt even if several messages arrive at once after a restart.
    return this.mutex.run(attemptId, async () => {
      const loaded = this.registry.get(attemptId);
      if (loaded) return usableBy(loaded, playerId);
      const record = await this.attempts.findById(attemptId);
      if (!record || record.playerId !== playerId) throw GameError.attemptNotFound(attemptId);
      if (record.state !== 'active') throw notActive(attemptId, record.state);
      return this.revive(record);
    });
  }

  /** Registers a freshly started session. */
  adopt(
    attempt: { id: string; playerId: string; playerName: string; scenarioId: string; track: string; eventId: string | null },
    session: ScenarioSession,
  ): LiveAttempt {
    const live: LiveAttempt = {
      id: attempt.id,
      playerId: attempt.playerId,
      playerName: attempt.playerName,
      scenarioId: attempt.scenarioId,
      track: attempt.track,
      eventId: attempt.eventId,
      session,
      nextSeq: 1,
      timelineCursor: 0,
      lastProgressKey: '',
      closing: false,
      unsavedInput: false,
      savedAt: Date.now(),
    };
    this.registry.add(live);
    return live;
  }

  private async revive(record: AttemptRecord): Promise<LiveAttempt> {
    // An attempt that never reached its first snapshot restarts from its seed: same broken cluster.
    let session: ScenarioSession;
    try {
      session = record.snapshot
        ? this.catalog.restore(JSON.parse(record.snapshot) as SessionSnapshot, record.scenarioVersion)
        : this.catalog.start(record.scenarioId, record.seed, record.scenarioVersion);
    } catch (err) {
      if (!(err instanceof SnapshotOutdatedError)) throw err;
      // Saved before an upgrade changed the scenario's simulation: closed (its snapshot kept), not silently reset.
      await this.attempts.markAbandoned(record.id, record.snapshot!, record.virtualMs);
      throw new GameError(GameErrorCode.AttemptNotActive, `attempt "${record.id}" was saved by an earlier version of the simulation and cannot be resumed; start the scenario again`);
    }
    const live = this.adopt(record, session);
    live.nextSeq = await this.logs.nextSeq(record.id);
    live.timelineCursor = await this.timeline.lastSeq(record.id);
    return live;
  }
}

function usableBy(live: LiveAttempt, playerId: string): LiveAttempt {
  if (live.playerId !== playerId) throw GameError.attemptNotFound(live.id);
  if (live.closing) throw notActive(live.id, 'finished');
  return live;
}

function notActive(attemptId: string, state: string): GameError {
  return new GameError(GameErrorCode.AttemptNotActive, `attempt "${attemptId}" is ${state}; start the scenario again to play it`);
}
