import { Inject, Injectable } from '@nestjs/common';
import { randomInt, randomUUID } from 'node:crypto';
import type { CommandResult, HintView, ScenarioCatalogApi } from '../../scenarios/session.types';
import { GameError, GameErrorCode } from '../errors/game-error';
import { AttemptsRepository } from '../persistence/attempts.repository';
import { CommandLogsRepository } from '../persistence/command-logs.repository';
import type { AbandonResponse, AttemptView } from '../protocol/messages';
import { SCENARIO_CATALOG } from '../scenarios/scenario-catalog.provider';
import { AttemptLoader } from './attempt-loader.service';
import { AttemptProgressService } from './attempt-progress.service';
import { AttemptRegistry } from './attempt.registry';
import { KeyedMutex } from './keyed-mutex';
import type { LiveAttempt } from './live-attempt';

/** The use cases of an attempt: start (or resume), run a command, take a hint, abandon. */
@Injectable()
export class AttemptsService {
  private readonly startMutex = new KeyedMutex();

  constructor(
    @Inject(SCENARIO_CATALOG) private readonly catalog: ScenarioCatalogApi,
    private readonly registry: AttemptRegistry,
    private readonly loader: AttemptLoader,
    private readonly progress: AttemptProgressService,
    private readonly attempts: AttemptsRepository,
    private readonly logs: CommandLogsRepository,
  ) {}

  /** One active attempt per player and scenario: starting again continues it. */
  async start(playerId: string, scenarioId: string): Promise<AttemptView> {
    if (!this.catalog.get(scenarioId)) throw GameError.scenarioNotFound(scenarioId);
    return this.startMutex.run(`${playerId}\n${scenarioId}`, async () => {
      const live = this.registry.findByPlayerScenario(playerId, scenarioId);
      if (live) return view(live, true);
      const stored = await this.attempts.findActive(playerId, scenarioId);
      if (stored) return view(await this.loader.require(playerId, stored.id), true);

      const seed = randomInt(0, 2 ** 31 - 1);
      const session = this.catalog.start(scenarioId, seed);
      const id = randomUUID();
      await this.attempts.create({ id, playerId, scenarioId, seed, snapshot: JSON.stringify(session.snapshot()) });
      return view(this.loader.adopt({ id, playerId, scenarioId }, session), false);
    });
  }

  async resume(playerId: string, attemptId: string): Promise<AttemptView> {
    return view(await this.loader.require(playerId, attemptId), true);
  }

  async runCommand(playerId: string, attemptId: string, command: string): Promise<CommandResult> {
    const live = await this.loader.require(playerId, attemptId);
    const virtualMs = live.session.progress().elapsedMs;
    const result = live.session.exec(command);
    const seq = live.nextSeq++;
    await this.logs.append({ attemptId, seq, command, ...result, virtualMs });
    await this.progress.afterChange(live);
    return result;
  }

  async takeHint(playerId: string, attemptId: string, index: number): Promise<HintView> {
    const live = await this.loader.require(playerId, attemptId);
    const count = live.session.summary.hintCount;
    if (index >= count) {
      throw new GameError(GameErrorCode.HintNotFound, `hint ${index} does not exist; this scenario has hints 0 to ${count - 1}`);
    }
    const hint = live.session.takeHint(index);
    // Hints cost points: persist at once rather than at the next periodic snapshot.
    await this.progress.snapshot(live);
    return hint;
  }

  async abandon(playerId: string, attemptId: string): Promise<AbandonResponse> {
    const live = await this.loader.require(playerId, attemptId);
    live.closing = true;
    try {
      await this.attempts.markAbandoned(live.id, JSON.stringify(live.session.snapshot()), live.session.progress().elapsedMs);
    } finally {
      this.registry.remove(live.id);
    }
    return { attemptId };
  }
}

function view(live: LiveAttempt, resumed: boolean): AttemptView {
  return {
    attemptId: live.id,
    scenario: live.session.summary,
    progress: live.session.progress(),
    hints: live.session.hints(),
    resumed,
  };
}
