import type { Provider } from '@nestjs/common';
import type { ScenarioCatalogApi } from '../../scenarios/session.types';

/** Injection token for the scenario catalogue; tests override it with `overrideProvider`. */
export const SCENARIO_CATALOG = Symbol('SCENARIO_CATALOG');

interface CatalogModule {
  loadBuiltInCatalog(): ScenarioCatalogApi;
}

/**
 * The only place the game layer loads the catalogue. `require` (not `import`) so the game layer
 * compiles before src/scenarios/catalog.ts exists; the contract is the interface in session.types.ts.
 */
export const scenarioCatalogProvider: Provider = {
  provide: SCENARIO_CATALOG,
  useFactory: (): ScenarioCatalogApi => {
    const catalog = require('../../scenarios/catalog') as CatalogModule;
    return catalog.loadBuiltInCatalog();
  },
};
