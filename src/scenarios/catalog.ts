import { SnapshotBaseMismatchError } from '../cluster-engine';
import { ScenarioCatalogApi, ScenarioSession, ScenarioSummary, SessionSnapshot, SnapshotOutdatedError, UnknownScenarioError } from './session.types';
import { LoadedScenario, loadScenario } from './load';
import { ScenarioSessionImpl, SessionSnapshotV1, summarise } from './scenario-session';
import { readBuiltInScenarios } from './builtin-pack';
import { TRACK_IDS } from './tracks';

const LEVELS = ['beginner', 'intermediate', 'advanced'];

/** The scenarios a server offers, by id. */
export class ScenarioCatalog implements ScenarioCatalogApi {
  private readonly byId = new Map<string, LoadedScenario>();

  /** Kept in catalogue order: by track (tracks.ts order), then up the difficulty ladder, then by id. */
  constructor(scenarios: LoadedScenario[]) {
    const rank = ({ format: f }: LoadedScenario) => [TRACK_IDS.indexOf(f.track), LEVELS.indexOf(f.difficulty)];
    const ordered = [...scenarios].sort((a, b) => {
      const [ta, da] = rank(a);
      const [tb, db] = rank(b);
      return ta - tb || da - db || a.format.id.localeCompare(b.format.id);
    });
    for (const s of ordered) {
      if (this.byId.has(s.format.id)) throw new Error(`duplicate scenario id "${s.format.id}"`);
      this.byId.set(s.format.id, s);
    }
  }

  /** In catalogue order (see the constructor). */
  list(): ScenarioSummary[] {
    return [...this.byId.values()].map(summarise);
  }

  get(id: string): ScenarioSummary | undefined {
    const s = this.byId.get(id);
    return s && summarise(s);
  }

  scenario(id: string): LoadedScenario {
    const s = this.byId.get(id);
    if (!s) throw new UnknownScenarioError(id);
    return s;
  }

  start(id: string, seed: number): ScenarioSession {
    return ScenarioSessionImpl.start(this.scenario(id), seed);
  }

  restore(snapshot: SessionSnapshot): ScenarioSession {
    try {
      return ScenarioSessionImpl.restore(this.scenario(snapshot.scenarioId), snapshot as SessionSnapshotV1);
    } catch (err) {
      if (err instanceof SnapshotBaseMismatchError) throw new SnapshotOutdatedError(snapshot.scenarioId);
      throw err;
    }
  }
}

let builtIn: ScenarioCatalog | undefined;

/** The built-in scenario pack (`src/scenarios/builtin/*.scenario.yaml`), loaded and validated once. */
export function loadBuiltInCatalog(): ScenarioCatalog {
  builtIn ??= new ScenarioCatalog(readBuiltInScenarios());
  return builtIn;
}

/** A catalogue of one scenario file's text (an instructor's upload); throws ScenarioFormatError if it does not load. */
export function catalogOfText(text: string, source: string): ScenarioCatalog {
  return new ScenarioCatalog([loadScenario(text, source)]);
}
