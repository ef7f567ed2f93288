/**
 * Scoring, as a pure function of what a solved session reports.
 *
 *   base    = round(points × multiplier)       multiplier: beginner 1, intermediate 1.5, advanced 2
 *   repair  = max(round(base × 0.1), base − overParPenalty − hintCosts − guardRailPenalties)
 *   score   = max(0, repair + diagnosisPoints + quizPoints)
 *   overParPenalty = floor(max(0, solveSeconds − parSeconds) / 10)      (1 point per full 10 s over par)
 *
 * solveSeconds comes from the session's virtual clock (solvedAtMs), so network latency and
 * server load never change a score. The floor keeps a repair worth something, however slow;
 * diagnosis and quiz points are earned apart from the repair and added on top.
 */
export type Difficulty = 'beginner' | 'intermediate' | 'advanced';

export const DIFFICULTY_MULTIPLIER: Record<Difficulty, number> = {
  beginner: 1,
  intermediate: 1.5,
  advanced: 2,
};

export interface ScoreInput {
  points: number;
  difficulty: Difficulty;
  parSeconds: number;
  /** Virtual ms from the start of the attempt to the moment the objectives started holding for good. */
  solvedAtMs: number;
  /** Sum of the costs of the hints taken. */
  hintCosts: number;
  /** Sum of the penalties of the guard rails broken. */
  guardRailPenalties: number;
  /** The session's diagnosis points (already net of wrong guesses, never below zero). */
  diagnosisPoints: number;
  /** The session's quiz points (wrong answers may make them negative). */
  quizPoints: number;
}

export interface ScoreBreakdown {
  points: number;
  difficulty: Difficulty;
  multiplier: number;
  /** points × multiplier, rounded. */
  basePoints: number;
  parSeconds: number;
  /** Whole seconds, rounded down. */
  solveSeconds: number;
  overParSeconds: number;
  overParPenalty: number;
  hintCosts: number;
  guardRailPenalties: number;
  /** The least a repair is worth: 10 % of the base points. */
  minimum: number;
  /** The repair's share after penalties (at least the minimum). */
  repairPoints: number;
  diagnosisPoints: number;
  quizPoints: number;
  score: number;
}

export const MINIMUM_SHARE = 0.1;
export const SECONDS_PER_PENALTY_POINT = 10;

export function computeScore(input: ScoreInput): ScoreBreakdown {
  const multiplier = DIFFICULTY_MULTIPLIER[input.difficulty];
  const basePoints = Math.round(input.points * multiplier);
  const solveSeconds = Math.floor(Math.max(0, input.solvedAtMs) / 1000);
  const overParSeconds = Math.max(0, solveSeconds - input.parSeconds);
  const overParPenalty = Math.floor(overParSeconds / SECONDS_PER_PENALTY_POINT);
  const minimum = Math.round(basePoints * MINIMUM_SHARE);
  const repairPoints = Math.max(minimum, basePoints - overParPenalty - input.hintCosts - input.guardRailPenalties);
  return {
    points: input.points,
    difficulty: input.difficulty,
    multiplier,
    basePoints,
    parSeconds: input.parSeconds,
    solveSeconds,
    overParSeconds,
    overParPenalty,
    hintCosts: input.hintCosts,
    guardRailPenalties: input.guardRailPenalties,
    minimum,
    repairPoints,
    diagnosisPoints: input.diagnosisPoints,
    quizPoints: input.quizPoints,
    score: Math.max(0, repairPoints + input.diagnosisPoints + input.quizPoints),
  };
}

/** The breakdown of a solved attempt whose diagnosis was named (or changed) after the repair. */
export function withDiagnosisPoints(breakdown: ScoreBreakdown, diagnosisPoints: number): ScoreBreakdown {
  return { ...breakdown, diagnosisPoints, score: Math.max(0, breakdown.repairPoints + diagnosisPoints + breakdown.quizPoints) };
}
