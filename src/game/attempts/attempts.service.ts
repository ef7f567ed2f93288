import { Inject, Injectable } from '@nestjs/common';
import { randomInt, randomUUID } from 'node:crypto';
import type { CommandResult, Completion, DiagnosisAnswer, DiagnosisResult, HintView, QuizResult } from '../../scenarios/session.types';
import type { Principal } from '../auth/players.service';
import { GameError, GameErrorCode } from '../errors/game-error';
import { EventsService } from '../events/events.service';
import { AnswersRepository } from '../persistence/answers.repository';
import { AttemptsRepository } from '../persistence/attempts.repository';
import type { AbandonResponse, AttemptView, QuizListResponse } from '../protocol/messages';
import type { GameCatalog } from '../scenarios/game-catalog';
import { SCENARIO_CATALOG } from '../scenarios/scenario-catalog.provider';
import { AttemptJournal } from './attempt-journal.service';
import { AttemptLoader } from './attempt-loader.service';
import { AttemptProgressService } from './attempt-progress.service';
import { AttemptRegistry } from './attempt.registry';
import { KeyedMutex } from './keyed-mutex';
import type { LiveAttempt } from './live-attempt';
import { SolvedDiagnosisService } from './solved-diagnosis.service';

/** The use cases of an attempt: start (or resume), run a command, take a hint, diagnose, quiz, abandon. */
@Injectable()
export class AttemptsService {
  private readonly startMutex = new KeyedMutex();

  constructor(
    @Inject(SCENARIO_CATALOG) private readonly catalog: GameCatalog,
    private readonly registry: AttemptRegistry,
    private readonly loader: AttemptLoader,
    private readonly progress: AttemptProgressService,
    private readonly attempts: AttemptsRepository,
    private readonly answers: AnswersRepository,
    private readonly events: EventsService,
    private readonly solvedDiagnosis: SolvedDiagnosisService,
    private readonly journal: AttemptJournal,
  ) {}

  /** One active attempt per player, scenario and event: starting again continues it. In an event every member gets the event's seed. */
  async start(player: Principal, scenarioId: string, eventId: string | null = null): Promise<AttemptView> {
    const summary = this.catalog.get(scenarioId);
    if (!summary) throw GameError.scenarioNotFound(scenarioId);
    const eventSeed = eventId === null ? null : await this.events.seedFor(player.playerId, eventId, scenarioId);
    const { playerId } = player;
    return this.startMutex.run(`${playerId}\n${scenarioId}\n${eventId ?? ''}`, async () => {
      const live = this.registry.findByPlayerScenario(playerId, scenarioId, eventId);
      if (live) return view(live, true);
      const stored = await this.attempts.findActive(playerId, scenarioId, eventId);
      if (stored) return view(await this.loader.require(playerId, stored.id), true);

      const seed = eventSeed ?? randomInt(0, 2 ** 31 - 1);
      // An authored scenario is played at the version published now, whatever is published later.
      const scenarioVersion = this.catalog.versionOf?.(scenarioId) ?? null;
      const session = this.catalog.start(scenarioId, seed, scenarioVersion);
      const id = randomUUID();
      // No snapshot yet: a start is a pure function of (scenario, version, seed), so a restart before the
      // first periodic snapshot rebuilds this very cluster (and the start skips an 85 KB+ JSON write).
      await this.attempts.create({ id, playerId, scenarioId, scenarioVersion, track: summary.track, eventId, seed });
      return view(this.loader.adopt({ id, playerId, playerName: player.name, scenarioId, track: summary.track, eventId }, session), false);
    });
  }

  async resume(playerId: string, attemptId: string): Promise<AttemptView> {
    return view(await this.loader.require(playerId, attemptId), true);
  }

  async runCommand(playerId: string, attemptId: string, command: string): Promise<CommandResult> {
    const live = await this.loader.require(playerId, attemptId);
    return this.record(live, command, (session) => session.exec(command));
  }

  /** The editor of a `kubectl edit` saved: logged as a step of its own, with the text saved (replays show what changed). */
  async saveEdit(playerId: string, attemptId: string, editId: string, text: string): Promise<CommandResult> {
    const live = await this.loader.require(playerId, attemptId);
    return this.record(live, `# kubectl edit: saved ${editId}\n${text}`, (session) => session.saveEdit(editId, text));
  }

  async cancelEdit(playerId: string, attemptId: string, editId: string): Promise<CommandResult> {
    const live = await this.loader.require(playerId, attemptId);
    return this.record(live, `# kubectl edit: closed ${editId} without saving`, (session) => session.cancelEdit(editId));
  }

  /** Tab completion: reads the session only, so it is neither logged nor pushed. */
  async complete(playerId: string, attemptId: string, line: string): Promise<Completion> {
    const live = await this.loader.require(playerId, attemptId);
    return live.session.complete(line);
  }

  /** Runs one step of the terminal and records it in the command log (and the event's feed). */
  private async record(live: LiveAttempt, command: string, step: (session: LiveAttempt['session']) => CommandResult): Promise<CommandResult> {
    const start = this.journal.stepStart(live);
    const result = step(live.session);
    live.unsavedInput = true;
    this.journal.recordStep(live, start, command, result);
    await this.progress.afterChange(live);
    return result;
  }

  /** Ctrl-C on a running command of one's own attempt. */
  async interrupt(playerId: string, attemptId: string, streamId: string): Promise<void> {
    const live = await this.loader.require(playerId, attemptId);
    live.session.interrupt(streamId);
  }

  async takeHint(playerId: string, attemptId: string, index: number): Promise<HintView> {
    const live = await this.loader.require(playerId, attemptId);
    const count = live.session.summary.hintCount;
    if (index >= count) {
      throw new GameError(GameErrorCode.HintNotFound, `hint ${index} does not exist; this scenario has hints 0 to ${count - 1}`);
    }
    const hint = live.session.takeHint(index);
    // Hints cost points: persist at once rather than at the next periodic snapshot.
    await this.progress.snapshot(live);
    return hint;
  }

  /** Grades a root-cause diagnosis, before the repair or after it (a solved attempt is re-scored); every answer is stored. */
  async diagnose(playerId: string, attemptId: string, answer: DiagnosisAnswer): Promise<DiagnosisResult> {
    if (!this.registry.get(attemptId)) {
      const record = await this.attempts.findById(attemptId);
      if (record && record.playerId === playerId && record.state === 'solved') {
        if ((this.catalog.get(record.scenarioId)?.diagnosisCauses.length ?? 0) === 0) throw noDiagnosis(record.scenarioId);
        return this.solvedDiagnosis.diagnose(record, answer);
      }
    }
    const live = await this.loader.require(playerId, attemptId);
    if (live.session.summary.diagnosisCauses.length === 0) throw noDiagnosis(live.scenarioId);
    const virtualMs = live.session.progress().elapsedMs;
    const result = live.session.diagnose(answer);
    await this.answers.addDiagnosis({
      attemptId,
      ...answer,
      correct: result.objectRight && result.reasonRight && result.causeRight,
      points: result.points,
      virtualMs,
    });
    await this.progress.snapshot(live);
    await this.progress.afterChange(live);
    return result;
  }

  async quiz(playerId: string, attemptId: string): Promise<QuizListResponse> {
    const live = await this.loader.require(playerId, attemptId);
    return { attemptId, questions: live.session.quiz() };
  }

  async answerQuiz(playerId: string, attemptId: string, questionId: string, choices: number[]): Promise<QuizResult> {
    const live = await this.loader.require(playerId, attemptId);
    const question = live.session.quiz().find((q) => q.id === questionId);
    if (!question) throw new GameError(GameErrorCode.QuestionNotFound, `quiz question "${questionId}" not found`);
    if (question.answered) throw new GameError(GameErrorCode.QuestionAnswered, `quiz question "${questionId}" was already answered`);
    const outOfRange = choices.find((c) => c >= question.choices.length);
    if (outOfRange !== undefined) {
      throw new GameError(GameErrorCode.BadRequest, `choice ${outOfRange} does not exist; question "${questionId}" has choices 0 to ${question.choices.length - 1}`);
    }
    const virtualMs = live.session.progress().elapsedMs;
    let result: QuizResult;
    try {
      result = live.session.answerQuiz(questionId, choices);
    } catch (err) {
      if (err instanceof RangeError) throw new GameError(GameErrorCode.BadRequest, err.message);
      throw err;
    }
    await this.answers.addQuizAnswer({ attemptId, questionId, choices, correct: result.correct, points: result.points, virtualMs });
    await this.progress.snapshot(live);
    await this.progress.afterChange(live);
    return result;
  }

  /** A guest claimed an account: its running attempts show the new name from now on. */
  renamePlayer(playerId: string, name: string): void {
    for (const live of this.registry.ofPlayer(playerId)) live.playerName = name;
  }

  async abandon(playerId: string, attemptId: string): Promise<AbandonResponse> {
    const live = await this.loader.require(playerId, attemptId);
    live.closing = true;
    try {
      await this.journal.flushFinal(live);
      await this.attempts.markAbandoned(live.id, JSON.stringify(live.session.snapshot()), live.session.progress().elapsedMs);
    } finally {
      this.registry.remove(live.id);
    }
    return { attemptId };
  }
}

function noDiagnosis(scenarioId: string): GameError {
  return new GameError(GameErrorCode.BadRequest, `scenario "${scenarioId}" has no diagnosis step`);
}

function view(live: LiveAttempt, resumed: boolean): AttemptView {
  return {
    attemptId: live.id,
    eventId: live.eventId,
    scenario: live.session.summary,
    progress: live.session.progress(),
    hints: live.session.hints(),
    resumed,
  };
}
