import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { ScenarioCatalogApi } from '../../scenarios/session.types';
import { AuthoredScenariosRepository } from '../persistence/authored-scenarios.repository';
import { SCENARIO_TEXT_LOADER, type ScenarioTextLoader } from '../scenarios/scenario-text-loader';

interface PlayableScenario {
  ownerName: string;
  /** the version new attempts get; null while unpublished */
  published: number | null;
  /** every version ever published, each a one-scenario catalogue: attempts pinned to any of them keep restoring */
  versions: Map<number, ScenarioCatalogApi>;
}

/**
 * The authored scenarios learners can play, in memory (the catalogue is synchronous). Loaded from the
 * database at start-up and kept in step by AuthoringService on publish and unpublish.
 */
@Injectable()
export class AuthoredScenarios implements OnModuleInit {
  private readonly logger = new Logger(AuthoredScenarios.name);
  private readonly byId = new Map<string, PlayableScenario>();

  constructor(
    private readonly repository: AuthoredScenariosRepository,
    @Inject(SCENARIO_TEXT_LOADER) private readonly loadText: ScenarioTextLoader,
  ) {}

  async onModuleInit(): Promise<void> {
    for (const row of await this.repository.playable()) {
      try {
        this.add(row.scenarioId, row.version, this.loadText(row.yaml, `${row.scenarioId} v${row.version}`), row.ownerName);
        if (row.published) this.byId.get(row.scenarioId)!.published = row.version;
      } catch (err) {
        // A version that passed validation but no longer loads (the format changed): keep serving the others.
        this.logger.error(`authored scenario ${row.scenarioId} v${row.version} no longer loads: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }

  /** Loads a version so it can be published; throws (ScenarioFormatError) if its text does not load. */
  prepare(id: string, version: number, yaml: string, ownerName: string): void {
    if (!this.byId.get(id)?.versions.has(version)) this.add(id, version, this.loadText(yaml, `${id} v${version}`), ownerName);
  }

  /** After prepare(): new attempts of `id` play `version`. */
  publish(id: string, version: number): void {
    const entry = this.byId.get(id);
    if (!entry?.versions.has(version)) throw new Error(`authored scenario ${id} v${version} was not prepared`);
    entry.published = version;
  }

  unpublish(id: string): void {
    const entry = this.byId.get(id);
    if (entry) entry.published = null;
  }

  /** Published scenarios: the catalogue lists these. */
  published(): Array<{ id: string; version: number; ownerName: string; catalog: ScenarioCatalogApi }> {
    return [...this.byId.entries()]
      .filter(([, e]) => e.published !== null)
      .map(([id, e]) => ({ id, version: e.published!, ownerName: e.ownerName, catalog: e.versions.get(e.published!)! }));
  }

  publishedVersion(id: string): number | null {
    return this.byId.get(id)?.published ?? null;
  }

  ownerName(id: string): string | undefined {
    return this.byId.get(id)?.ownerName;
  }

  /** A version attempts may be pinned to (published now or earlier). */
  version(id: string, version: number): ScenarioCatalogApi | undefined {
    return this.byId.get(id)?.versions.get(version);
  }

  private add(id: string, version: number, catalog: ScenarioCatalogApi, ownerName: string): void {
    let entry = this.byId.get(id);
    if (!entry) this.byId.set(id, (entry = { ownerName, published: null, versions: new Map() }));
    entry.versions.set(version, catalog);
  }
}
