import { Inject, Injectable } from '@nestjs/common';
import type { ScenarioCatalogApi, ScenarioSummary } from '../../scenarios/session.types';
import { GameError } from '../errors/game-error';
import { BestResultsRepository } from '../persistence/best-results.repository';
import type { CatalogEntry } from '../protocol/messages';
import { SCENARIO_CATALOG } from './scenario-catalog.provider';

@Injectable()
export class ScenariosService {
  constructor(
    @Inject(SCENARIO_CATALOG) private readonly catalog: ScenarioCatalogApi,
    private readonly bestResults: BestResultsRepository,
  ) {}

  list(): ScenarioSummary[] {
    return this.catalog.list();
  }

  /** The catalogue with the player's best result on each scenario they solved (signed out: none). */
  async listFor(playerId: string | null): Promise<CatalogEntry[]> {
    const scenarios = this.catalog.list();
    if (playerId === null) return scenarios;
    const best = await this.bestResults.bestByScenario(playerId);
    return scenarios.map((s) => {
      const b = best.get(s.id);
      return b ? { ...s, best: b } : s;
    });
  }

  requireExists(id: string): void {
    if (!this.catalog.get(id)) throw GameError.scenarioNotFound(id);
  }
}
