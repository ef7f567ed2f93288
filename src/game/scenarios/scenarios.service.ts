import { Inject, Injectable } from '@nestjs/common';
import { GameError } from '../errors/game-error';
import type { CatalogEntry } from '../protocol/messages';
import type { GameCatalog } from './game-catalog';
import { SCENARIO_CATALOG } from './scenario-catalog.provider';

@Injectable()
export class ScenariosService {
  constructor(@Inject(SCENARIO_CATALOG) private readonly catalog: GameCatalog) {}

  /** Built-in scenarios and the published authored ones (`authoredBy`). */
  list(): CatalogEntry[] {
    return this.catalog.list();
  }

  requireExists(id: string): void {
    if (!this.catalog.get(id)) throw GameError.scenarioNotFound(id);
  }
}
