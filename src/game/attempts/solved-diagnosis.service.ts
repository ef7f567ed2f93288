import { Inject, Injectable } from '@nestjs/common';
import type { DiagnosisAnswer, DiagnosisResult, SessionSnapshot } from '../../scenarios/session.types';
import { LeaderboardService } from '../leaderboard/leaderboard.service';
import { AnswersRepository } from '../persistence/answers.repository';
import { type AttemptRecord, AttemptsRepository } from '../persistence/attempts.repository';
import { PlayersRepository } from '../persistence/players.repository';
import type { GameCatalog } from '../scenarios/game-catalog';
import { SCENARIO_CATALOG } from '../scenarios/scenario-catalog.provider';
import { type ScoreBreakdown, withDiagnosisPoints } from '../scoring/score';
import { KeyedMutex } from './keyed-mutex';

/**
 * The diagnosis is graded apart from the repair, before or after it: for a solved attempt the
 * session is restored from the snapshot stored at the solve, graded, and the attempt re-scored.
 */
@Injectable()
export class SolvedDiagnosisService {
  private readonly mutex = new KeyedMutex();

  constructor(
    @Inject(SCENARIO_CATALOG) private readonly catalog: GameCatalog,
    private readonly attempts: AttemptsRepository,
    private readonly answers: AnswersRepository,
    private readonly players: PlayersRepository,
    private readonly leaderboard: LeaderboardService,
  ) {}

  diagnose(record: AttemptRecord, answer: DiagnosisAnswer): Promise<DiagnosisResult> {
    return this.mutex.run(record.id, async () => {
      const stored = await this.attempts.findSolvedScore(record.id);
      const current = await this.attempts.findById(record.id);
      if (!stored || !current?.snapshot) throw new Error(`solved attempt ${record.id} has no snapshot or breakdown`);
      const session = this.catalog.restore(JSON.parse(current.snapshot) as SessionSnapshot, current.scenarioVersion);
      const result = session.diagnose(answer);
      const virtualMs = session.progress().elapsedMs;
      await this.answers.addDiagnosis({ attemptId: record.id, ...answer, correct: result.objectRight && result.reasonRight && result.causeRight, points: result.points, virtualMs });
      const before = JSON.parse(stored.breakdown) as ScoreBreakdown;
      const after = withDiagnosisPoints(before, result.points);
      await this.attempts.rescore(record.id, {
        score: after.score,
        breakdown: JSON.stringify(after),
        diagnosisPoints: result.points,
        snapshot: JSON.stringify(session.snapshot()),
      });
      if (after.score !== before.score && stored.week !== null) {
        const player = await this.players.findById(record.playerId);
        await this.leaderboard.solved({ scenarioId: record.scenarioId, track: record.track, week: stored.week, eventId: record.eventId, guest: player?.guest ?? true });
      }
      return result;
    });
  }
}
