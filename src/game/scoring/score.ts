/**
 * Scoring, as a pure function of what a solved session reports.
 *
 *   score = max(round(points × 0.1), points − overParPenalty − hintCosts − guardRailPenalties)
 *   overParPenalty = floor(max(0, solveSeconds − parSeconds) / 10)      (1 point per full 10 s over par)
 *
 * solveSeconds comes from the session's virtual clock (solvedAtMs), so network latency and
 * server load never change a score. The floor keeps a solve worth something, however slow.
 */
export interface ScoreInput {
  points: number;
  parSeconds: number;
  /** Virtual ms from the start of the attempt to the moment the objectives started holding for good. */
  solvedAtMs: number;
  /** Sum of the costs of the hints taken. */
  hintCosts: number;
  /** Sum of the penalties of the guard rails broken. */
  guardRailPenalties: number;
}

export interface ScoreBreakdown {
  points: number;
  parSeconds: number;
  /** Whole seconds, rounded down. */
  solveSeconds: number;
  overParSeconds: number;
  overParPenalty: number;
  hintCosts: number;
  guardRailPenalties: number;
  /** The least a solve is worth: 10 % of the points. */
  minimum: number;
  score: number;
}

export const MINIMUM_SHARE = 0.1;
export const SECONDS_PER_PENALTY_POINT = 10;

export function computeScore(input: ScoreInput): ScoreBreakdown {
  const solveSeconds = Math.floor(Math.max(0, input.solvedAtMs) / 1000);
  const overParSeconds = Math.max(0, solveSeconds - input.parSeconds);
  const overParPenalty = Math.floor(overParSeconds / SECONDS_PER_PENALTY_POINT);
  const minimum = Math.round(input.points * MINIMUM_SHARE);
  const raw = input.points - overParPenalty - input.hintCosts - input.guardRailPenalties;
  return {
    points: input.points,
    parSeconds: input.parSeconds,
    solveSeconds,
    overParSeconds,
    overParPenalty,
    hintCosts: input.hintCosts,
    guardRailPenalties: input.guardRailPenalties,
    minimum,
    score: Math.max(minimum, raw),
  };
}
