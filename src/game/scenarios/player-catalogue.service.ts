import { Injectable } from '@nestjs/common';
import { BestResultsRepository } from '../persistence/best-results.repository';
import type { CatalogEntry } from '../protocol/messages';
import { ScenariosService } from './scenarios.service';

/** The catalogue as one player sees it: each scenario they solved carries their best result (`best`). */
@Injectable()
export class PlayerCatalogueService {
  constructor(
    private readonly scenarios: ScenariosService,
    private readonly bestResults: BestResultsRepository,
  ) {}

  async listFor(playerId: string | null): Promise<CatalogEntry[]> {
    const entries: CatalogEntry[] = this.scenarios.list();
    if (playerId === null) return entries;
    const best = await this.bestResults.bestByScenario(playerId);
    return entries.map((s) => {
      const b = best.get(s.id);
      return b ? { ...s, best: b } : s;
    });
  }
}
