import type { Provider } from '@nestjs/common';
import { loadBuiltInCatalog } from '../../scenarios/catalog';
import type { ScenarioCatalogApi } from '../../scenarios/session.types';

/** Injection token for the scenario catalogue; service tests override it with `overrideProvider`. */
export const SCENARIO_CATALOG = Symbol('SCENARIO_CATALOG');

/** The only place the game layer obtains the catalogue; everything else sees ScenarioCatalogApi. */
export const scenarioCatalogProvider: Provider = {
  provide: SCENARIO_CATALOG,
  useFactory: (): ScenarioCatalogApi => loadBuiltInCatalog(),
};
