import { Inject, Injectable } from '@nestjs/common';
import { KeyedMutex } from '../attempts/keyed-mutex';
import type { Principal } from '../auth/players.service';
import { hasRole } from '../auth/roles';
import { GameError, GameErrorCode } from '../errors/game-error';
import { type AuthoredScenarioRecord, AuthoredScenariosRepository, type AuthoredVersionRecord } from '../persistence/authored-scenarios.repository';
import type {
  AuthoredScenarioView,
  AuthoredVersionView,
  AuthoringGetResponse,
  AuthoringReport,
  AuthoringSaveResponse,
  AuthoringVersionsResponse,
} from '../protocol/messages';
import type { GameCatalog } from '../scenarios/game-catalog';
import { SCENARIO_CATALOG } from '../scenarios/scenario-catalog.provider';
import { AuthoredScenarios } from './authored-scenarios.registry';
import { ValidationPool } from './validation-pool.service';
import type { AuthoringCheck } from './validation.worker';

/** Largest scenario file an instructor may upload. */
export const MAX_SCENARIO_BYTES = 256 * 1024;

/** How a save treats an id that already exists: HTTP POST creates, PUT adds a version, the socket decides by id. */
export type SaveMode = { kind: 'create' } | { kind: 'update'; scenarioId: string } | { kind: 'save' };

/**
 * Instructors upload, version and publish scenarios; every upload is validated by simulation (off the
 * event loop) and stored with its report, valid or not, so the author can iterate. Only a valid version
 * can be published; publishing makes it what new attempts play (running ones keep their version).
 */
@Injectable()
export class AuthoringService {
  private readonly mutex = new KeyedMutex();

  constructor(
    private readonly repository: AuthoredScenariosRepository,
    private readonly authored: AuthoredScenarios,
    private readonly pool: ValidationPool,
    @Inject(SCENARIO_CATALOG) private readonly catalog: GameCatalog,
  ) {}

  async validate(principal: Principal, yaml: string): Promise<AuthoringReport> {
    requireInstructor(principal);
    return toReport(await this.check(yaml));
  }

  async save(principal: Principal, yaml: string, mode: SaveMode): Promise<AuthoringSaveResponse> {
    requireInstructor(principal);
    const check = await this.check(yaml);
    const report = toReport(check);
    const id = check.scenarioId;
    if (!id) {
      // A timed-out validation has no id to store it under either; say which of the two it was.
      const timedOut = report.errors.find((e) => e.message.startsWith('validation timed out'));
      const why = timedOut ? `nothing was saved: ${timedOut.message}` : 'the scenario needs a valid id (3 to 64 characters of a-z, 0-9 and -) before it can be saved';
      throw new GameError(GameErrorCode.ScenarioInvalid, why, { report });
    }
    if (mode.kind === 'update' && id !== mode.scenarioId) {
      throw new GameError(GameErrorCode.BadRequest, `the file's id "${id}" does not match "${mode.scenarioId}"; a scenario's id cannot change (upload it as a new scenario instead)`);
    }
    const version = { yaml, title: check.title ?? '', report: JSON.stringify(report), ok: report.ok };
    return this.mutex.run(id, async () => {
      const existing = await this.repository.find(id);
      if (existing) {
        if (mode.kind === 'create') throw idTaken(id, existing, principal);
        if (!mayEdit(principal, existing)) {
          if (mode.kind === 'save') throw idTaken(id, existing, principal);
          throw GameError.forbidden(`scenario "${id}" belongs to ${existing.ownerName}; only its author or an admin may change it`);
        }
        await this.repository.addVersion(id, version);
      } else {
        if (mode.kind === 'update') throw GameError.scenarioNotFound(id);
        if (this.catalog.get(id)) throw new GameError(GameErrorCode.ScenarioIdTaken, `"${id}" is the id of a built-in scenario; choose another id`);
        if (!(await this.repository.create(id, principal.playerId, version))) throw idTaken(id, await this.repository.find(id), principal);
      }
      return { scenario: toView(await this.require(id)), report };
    });
  }

  /** Publishes `version` (default: the latest) if its report is ok. */
  async publish(principal: Principal, id: string, version?: number): Promise<AuthoredScenarioView> {
    requireInstructor(principal);
    return this.mutex.run(id, async () => {
      const scenario = await this.requireEditable(principal, id);
      const n = version ?? scenario.latest.version;
      const row = await this.repository.version(id, n);
      if (!row) throw versionNotFound(id, n);
      const report = JSON.parse(row.report) as AuthoringReport;
      if (!row.ok) {
        throw new GameError(GameErrorCode.ScenarioInvalid, `version ${n} of "${id}" did not pass validation; fix it and upload a new version`, { report });
      }
      try {
        this.authored.prepare(id, n, row.yaml, scenario.ownerName);
      } catch (err) {
        const message = `version ${n} of "${id}" no longer loads: ${err instanceof Error ? err.message : String(err)}`;
        throw new GameError(GameErrorCode.ScenarioInvalid, message, { report: { ...report, ok: false, errors: [{ message }] } });
      }
      await this.repository.publish(id, n);
      this.authored.publish(id, n);
      return toView(await this.require(id));
    });
  }

  async unpublish(principal: Principal, id: string): Promise<AuthoredScenarioView> {
    requireInstructor(principal);
    return this.mutex.run(id, async () => {
      await this.requireEditable(principal, id);
      await this.repository.unpublish(id);
      this.authored.unpublish(id);
      return toView(await this.require(id));
    });
  }

  /** One's own scenarios; an admin sees everyone's. */
  async list(principal: Principal): Promise<AuthoredScenarioView[]> {
    requireInstructor(principal);
    const rows = await this.repository.list(principal.role === 'admin' ? null : principal.playerId);
    return rows.map(toView);
  }

  async versions(principal: Principal, id: string): Promise<AuthoringVersionsResponse> {
    requireInstructor(principal);
    const scenario = await this.requireEditable(principal, id);
    const versions = await this.repository.versions(id);
    return { scenario: toView(scenario), versions: versions.map(toVersionView) };
  }

  /** A version's text and report (default: the latest). */
  async get(principal: Principal, id: string, version?: number): Promise<AuthoringGetResponse> {
    requireInstructor(principal);
    const scenario = await this.requireEditable(principal, id);
    const n = version ?? scenario.latest.version;
    const row = await this.repository.version(id, n);
    if (!row) throw versionNotFound(id, n);
    return { scenario: toView(scenario), version: n, yaml: row.yaml, report: JSON.parse(row.report) as AuthoringReport };
  }

  private async check(yaml: string): Promise<AuthoringCheck> {
    const bytes = Buffer.byteLength(yaml, 'utf8');
    if (bytes > MAX_SCENARIO_BYTES) {
      throw new GameError(GameErrorCode.PayloadTooLarge, `the scenario file is ${kib(bytes)} KiB; at most ${kib(MAX_SCENARIO_BYTES)} KiB may be uploaded`);
    }
    return this.pool.validate(yaml);
  }

  private async require(id: string): Promise<AuthoredScenarioRecord> {
    const scenario = await this.repository.find(id);
    if (!scenario) throw GameError.scenarioNotFound(id);
    return scenario;
  }

  private async requireEditable(principal: Principal, id: string): Promise<AuthoredScenarioRecord> {
    const scenario = await this.require(id);
    if (!mayEdit(principal, scenario)) throw GameError.forbidden(`scenario "${id}" belongs to ${scenario.ownerName}; only its author or an admin may see or change it`);
    return scenario;
  }
}

function requireInstructor(principal: Principal): void {
  if (!hasRole(principal.role, 'instructor')) throw GameError.forbidden('authoring scenarios needs the instructor role');
}

function mayEdit(principal: Principal, scenario: AuthoredScenarioRecord): boolean {
  return scenario.ownerId === principal.playerId || principal.role === 'admin';
}

function idTaken(id: string, existing: AuthoredScenarioRecord | null, principal: Principal): GameError {
  const mine = existing?.ownerId === principal.playerId;
  return new GameError(
    GameErrorCode.ScenarioIdTaken,
    mine
      ? `you already have a scenario "${id}"; upload a new version of it (PUT /api/authoring/scenarios/${id}) instead`
      : `the scenario id "${id}" is taken by ${existing?.ownerName ?? 'another instructor'}; choose another id`,
  );
}

function versionNotFound(id: string, version: number): GameError {
  return new GameError(GameErrorCode.ScenarioNotFound, `scenario "${id}" has no version ${version}`);
}

function kib(bytes: number): number {
  return Math.ceil(bytes / 1024);
}

function toReport(check: AuthoringCheck): AuthoringReport {
  return {
    ok: check.ok,
    ...(check.scenarioId ? { scenarioId: check.scenarioId } : {}),
    steps: check.steps.map(({ name, ok, detail }) => ({ name, ok, detail })),
    errors: check.errors.map(({ line, path, message }) => ({ ...(line ? { line } : {}), ...(path ? { path } : {}), message })),
  };
}

/** "5/5 checks passed", "2 of 5 checks failed: …", "3 format errors". */
function summarise(report: AuthoringReport): string {
  if (report.errors.length > 0) return report.errors.length === 1 ? `1 error: ${report.errors[0].message}` : `${report.errors.length} format errors`;
  const failed = report.steps.filter((s) => !s.ok);
  if (failed.length === 0) return `${report.steps.length}/${report.steps.length} checks passed`;
  return `${failed.length} of ${report.steps.length} checks failed: ${failed.map((s) => s.name).join('; ')}`;
}

function toView(scenario: AuthoredScenarioRecord): AuthoredScenarioView {
  const { latest } = scenario;
  return {
    id: scenario.id,
    title: latest.title || scenario.id,
    ownerName: scenario.ownerName,
    latestVersion: latest.version,
    ...(scenario.publishedVersion !== null ? { publishedVersion: scenario.publishedVersion } : {}),
    ok: latest.ok,
    status: scenario.publishedVersion !== null ? 'published' : 'draft',
    reportSummary: summarise(JSON.parse(latest.report) as AuthoringReport),
    updatedAt: scenario.updatedAt.toISOString(),
  };
}

function toVersionView(row: AuthoredVersionRecord): AuthoredVersionView {
  return {
    version: row.version,
    title: row.title,
    ok: row.ok,
    reportSummary: summarise(JSON.parse(row.report) as AuthoringReport),
    createdAt: row.createdAt.toISOString(),
    ...(row.publishedAt ? { publishedAt: row.publishedAt.toISOString() } : {}),
  };
}
