import { type ScenarioCatalogApi, type ScenarioSession, type SessionSnapshot, UnknownScenarioError } from '../../scenarios/session.types';
import type { CatalogEntry } from '../protocol/messages';
import type { GameCatalog } from '../scenarios/game-catalog';
import type { AuthoredScenarios } from './authored-scenarios.registry';

/** Built-in scenarios first, then the published authored ones; an authored id never shadows a built-in one. */
export class CompositeCatalog implements GameCatalog {
  constructor(
    private readonly builtIn: ScenarioCatalogApi,
    private readonly authored: AuthoredScenarios,
  ) {}

  list(): CatalogEntry[] {
    // Authoring refuses built-in ids; this only matters if a later release adds a built-in of the same id.
    const authored = this.authored.published().filter(({ id }) => !this.builtIn.get(id));
    return [
      ...this.builtIn.list(),
      ...authored.flatMap(({ id, catalog, ownerName }) => {
        const summary = catalog.get(id);
        return summary ? [{ ...summary, authoredBy: ownerName }] : [];
      }),
    ];
  }

  get(id: string): CatalogEntry | undefined {
    const builtIn = this.builtIn.get(id);
    if (builtIn) return builtIn;
    const version = this.authored.publishedVersion(id);
    const summary = version === null ? undefined : this.authored.version(id, version)?.get(id);
    return summary && { ...summary, authoredBy: this.authored.ownerName(id) };
  }

  versionOf(id: string): number | null {
    return this.builtIn.get(id) ? null : this.authored.publishedVersion(id);
  }

  start(id: string, seed: number, version: number | null = null): ScenarioSession {
    if (this.builtIn.get(id)) return this.builtIn.start(id, seed);
    return this.pinned(id, version).start(id, seed);
  }

  restore(snapshot: SessionSnapshot, version: number | null = null): ScenarioSession {
    if (this.builtIn.get(snapshot.scenarioId)) return this.builtIn.restore(snapshot);
    return this.pinned(snapshot.scenarioId, version).restore(snapshot);
  }

  /** The version an attempt is pinned to (or, for an attempt from before pinning, the published one). */
  private pinned(id: string, version: number | null): ScenarioCatalogApi {
    const v = version ?? this.authored.publishedVersion(id);
    const catalog = v === null ? undefined : this.authored.version(id, v);
    if (!catalog) throw new UnknownScenarioError(id);
    return catalog;
  }
}
