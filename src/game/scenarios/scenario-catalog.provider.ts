import type { Provider } from '@nestjs/common';
import { catalogOfText, loadBuiltInCatalog } from '../../scenarios/catalog';
import { AuthoredScenarios } from '../authoring/authored-scenarios.registry';
import { CompositeCatalog } from '../authoring/composite-catalog';
import type { GameCatalog } from './game-catalog';
import { SCENARIO_TEXT_LOADER, type ScenarioTextLoader } from './scenario-text-loader';

/** Injection token for the scenario catalogue; service tests override it with `overrideProvider`. */
export const SCENARIO_CATALOG = Symbol('SCENARIO_CATALOG');

/** The only place the game layer obtains the catalogue; everything else sees GameCatalog. */
export const scenarioCatalogProvider: Provider = {
  provide: SCENARIO_CATALOG,
  useFactory: (authored: AuthoredScenarios): GameCatalog => new CompositeCatalog(loadBuiltInCatalog(), authored),
  inject: [AuthoredScenarios],
};

/** How uploaded scenario texts become playable (AuthoredScenarios keeps the published ones). */
export const scenarioTextLoaderProvider: Provider = {
  provide: SCENARIO_TEXT_LOADER,
  useValue: ((text, source) => catalogOfText(text, source)) satisfies ScenarioTextLoader,
};
