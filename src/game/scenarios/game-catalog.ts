import type { ScenarioCatalogApi, ScenarioSession, SessionSnapshot } from '../../scenarios/session.types';
import type { CatalogEntry } from '../protocol/messages';

/**
 * The catalogue as the game layer sees it: built-in scenarios plus published authored ones.
 * An authored scenario is played at a pinned version: `versionOf` says which one a new attempt gets,
 * and start/restore take it back so publishing a newer version never changes an attempt.
 * (Test doubles may implement the plain ScenarioCatalogApi: every extra is optional.)
 */
export interface GameCatalog extends ScenarioCatalogApi {
  list(): CatalogEntry[];
  get(id: string): CatalogEntry | undefined;
  /** The authored version a new attempt of `id` plays; null for a built-in scenario. */
  versionOf?(id: string): number | null;
  start(id: string, seed: number, version?: number | null): ScenarioSession;
  restore(snapshot: SessionSnapshot, version?: number | null): ScenarioSession;
}
