import { Inject, Injectable } from '@nestjs/common';
import type { ScenarioCatalogApi, ScenarioSummary } from '../../scenarios/session.types';
import { GameError } from '../errors/game-error';
import { SCENARIO_CATALOG } from './scenario-catalog.provider';

@Injectable()
export class ScenariosService {
  constructor(@Inject(SCENARIO_CATALOG) private readonly catalog: ScenarioCatalogApi) {}

  list(): ScenarioSummary[] {
    return this.catalog.list();
  }

  requireExists(id: string): void {
    if (!this.catalog.get(id)) throw GameError.scenarioNotFound(id);
  }
}
