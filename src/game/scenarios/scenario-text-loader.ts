import type { ScenarioCatalogApi } from '../../scenarios/session.types';

/** Injection token: loads one uploaded (already validated) scenario text as a one-scenario catalogue; throws if it does not load. */
export const SCENARIO_TEXT_LOADER = Symbol('SCENARIO_TEXT_LOADER');

export type ScenarioTextLoader = (text: string, source: string) => ScenarioCatalogApi;
