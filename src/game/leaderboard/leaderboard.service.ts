import { Injectable, Logger } from '@nestjs/common';
import { LeaderboardRepository } from '../persistence/leaderboard.repository';
import { QuizLeaderboardRepository } from '../persistence/quiz-leaderboard.repository';
import type { LeaderboardBoard, LeaderboardResponse } from '../protocol/messages';
import { ScenariosService } from '../scenarios/scenarios.service';
import { PushService } from '../transport/push.service';
import { boardIncludes, LEADERBOARD_PUSH_ROWS, type SolvedFacts } from './leaderboard-board';

/** A board row before its rank (the page's offset) is known. */
type UnrankedEntry = Omit<LeaderboardResponse['entries'][number], 'rank'>;

@Injectable()
export class LeaderboardService {
  private readonly logger = new Logger(LeaderboardService.name);
  /** Pushes go out one solve at a time, so subscribers see them in the order the solves were recorded. */
  private queue: Promise<void> = Promise.resolve();
  private version = 0;

  constructor(
    private readonly leaderboard: LeaderboardRepository,
    private readonly quizBoard: QuizLeaderboardRepository,
    private readonly scenarios: ScenariosService,
    private readonly push: PushService,
  ) {}

  async page(board: LeaderboardBoard, limit: number, offset: number): Promise<LeaderboardResponse> {
    const { total, entries } = board.board === 'quiz' ? await this.quizEntries(board, limit, offset) : await this.scenarioEntries(board, limit, offset);
    return { ...board, limit, offset, total, entries: entries.map((entry, i) => ({ rank: offset + i + 1, ...entry })) };
  }

  private async scenarioEntries(board: LeaderboardBoard, limit: number, offset: number): Promise<{ total: number; entries: UnrankedEntry[] }> {
    if (board.scenarioId !== null) this.scenarios.requireExists(board.scenarioId);
    const { total, rows } = await this.leaderboard.page(board, limit, offset);
    return {
      total,
      entries: rows.map((row) => ({
        playerId: row.playerId,
        playerName: row.playerName,
        score: row.score,
        solveSeconds: Math.floor(row.solveMs / 1000),
        solvedScenarios: row.solvedScenarios,
        finishedAt: row.finishedAt.toISOString(),
      })),
    };
  }

  /** Best quiz round per account; ties go to the earlier finish. */
  private async quizEntries(board: LeaderboardBoard, limit: number, offset: number): Promise<{ total: number; entries: UnrankedEntry[] }> {
    const { total, rows } = await this.quizBoard.page(board.week, limit, offset);
    return {
      total,
      entries: rows.map((row) => ({
        playerId: row.playerId,
        playerName: row.playerName,
        score: row.score,
        solveSeconds: Math.floor(row.answerMs / 1000),
        solvedScenarios: 0,
        correctAnswers: row.correctAnswers,
        finishedAt: row.finishedAt.toISOString(),
      })),
    };
  }

  /** After an account finished a quiz round: push the subscribed quiz boards it can change (all-time and its week). */
  quizRoundFinished(week: string): Promise<void> {
    return this.pushBoards((board) => board.board === 'quiz' && (board.week === null || board.week === week));
  }

  /** After a solve was stored: push the new top rows of every subscribed board it belongs to. Resolves once pushed. */
  solved(facts: SolvedFacts): Promise<void> {
    return this.pushBoards((board) => boardIncludes(board, facts));
  }

  /** A guest claimed an account (its solves join the public boards, under its new name): push every public board. */
  playerChanged(): Promise<void> {
    return this.pushBoards((board) => board.eventId === null);
  }

  private pushBoards(changed: (board: LeaderboardBoard) => boolean): Promise<void> {
    const next = this.queue.then(async () => {
      for (const board of this.push.subscribedBoards()) {
        if (!changed(board)) continue;
        const page = await this.page(board, LEADERBOARD_PUSH_ROWS, 0);
        this.push.leaderboardChanged({ board, version: ++this.version, total: page.total, entries: page.entries });
      }
    });
    this.queue = next.catch((err: unknown) => this.logger.error('leaderboard push failed', err instanceof Error ? err.stack : String(err)));
    return this.queue;
  }
}
