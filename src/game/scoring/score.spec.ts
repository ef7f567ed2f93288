import { computeScore, ScoreInput, withDiagnosisPoints } from './score';

const base: ScoreInput = {
  points: 100,
  difficulty: 'beginner',
  parSeconds: 300,
  solvedAtMs: 0,
  hintCosts: 0,
  guardRailPenalties: 0,
  diagnosisPoints: 0,
  quizPoints: 0,
};

describe('computeScore', () => {
  const cases: Array<{ name: string; input: Partial<ScoreInput>; score: number; overParPenalty: number; solveSeconds: number }> = [
    { name: 'instant solve earns full points', input: {}, score: 100, overParPenalty: 0, solveSeconds: 0 },
    { name: 'exactly on par costs nothing', input: { solvedAtMs: 300_000 }, score: 100, overParPenalty: 0, solveSeconds: 300 },
    { name: '9.999 s over par rounds down to 9 s: no penalty yet', input: { solvedAtMs: 309_999 }, score: 100, overParPenalty: 0, solveSeconds: 309 },
    { name: '10 s over par costs 1 point', input: { solvedAtMs: 310_000 }, score: 99, overParPenalty: 1, solveSeconds: 310 },
    { name: '95 s over par costs 9 points', input: { solvedAtMs: 395_000 }, score: 91, overParPenalty: 9, solveSeconds: 395 },
    { name: 'hints and guard rails add up', input: { solvedAtMs: 420_000, hintCosts: 15, guardRailPenalties: 20 }, score: 53, overParPenalty: 12, solveSeconds: 420 },
    { name: 'never below 10 % of the points', input: { solvedAtMs: 3_600_000, hintCosts: 50 }, score: 10, overParPenalty: 330, solveSeconds: 3600 },
    { name: 'the minimum is rounded', input: { points: 75, hintCosts: 200 }, score: 8, overParPenalty: 0, solveSeconds: 0 },
    { name: 'a negative clock reading counts as zero', input: { solvedAtMs: -5 }, score: 100, overParPenalty: 0, solveSeconds: 0 },
    { name: 'intermediate multiplies the points by 1.5', input: { difficulty: 'intermediate' }, score: 150, overParPenalty: 0, solveSeconds: 0 },
    { name: 'advanced multiplies the points by 2', input: { difficulty: 'advanced' }, score: 200, overParPenalty: 0, solveSeconds: 0 },
    { name: 'the multiplier rounds', input: { difficulty: 'intermediate', points: 75 }, score: 113, overParPenalty: 0, solveSeconds: 0 },
    { name: 'penalties are not multiplied', input: { difficulty: 'advanced', solvedAtMs: 400_000, hintCosts: 10 }, score: 180, overParPenalty: 10, solveSeconds: 400 },
    { name: 'the minimum is 10 % of the multiplied points', input: { difficulty: 'advanced', hintCosts: 500 }, score: 20, overParPenalty: 0, solveSeconds: 0 },
    { name: 'diagnosis points are added', input: { diagnosisPoints: 20 }, score: 120, overParPenalty: 0, solveSeconds: 0 },
    { name: 'diagnosis points are added on top of the minimum', input: { hintCosts: 500, diagnosisPoints: 20 }, score: 30, overParPenalty: 0, solveSeconds: 0 },
    { name: 'quiz points are added', input: { quizPoints: 15 }, score: 115, overParPenalty: 0, solveSeconds: 0 },
    { name: 'negative quiz points are subtracted', input: { quizPoints: -5 }, score: 95, overParPenalty: 0, solveSeconds: 0 },
    { name: 'the score never goes below zero', input: { points: 10, hintCosts: 50, quizPoints: -30 }, score: 0, overParPenalty: 0, solveSeconds: 0 },
  ];

  it.each(cases)('$name', ({ input, score, overParPenalty, solveSeconds }) => {
    const result = computeScore({ ...base, ...input });
    expect(result.score).toBe(score);
    expect(result.overParPenalty).toBe(overParPenalty);
    expect(result.solveSeconds).toBe(solveSeconds);
  });

  it('returns the whole breakdown (README worked example)', () => {
    expect(
      computeScore({
        points: 100,
        difficulty: 'intermediate',
        parSeconds: 180,
        solvedAtMs: 247_400,
        hintCosts: 10,
        guardRailPenalties: 0,
        diagnosisPoints: 15,
        quizPoints: 10,
      }),
    ).toEqual({
      points: 100,
      difficulty: 'intermediate',
      multiplier: 1.5,
      basePoints: 150,
      parSeconds: 180,
      solveSeconds: 247,
      overParSeconds: 67,
      overParPenalty: 6,
      hintCosts: 10,
      guardRailPenalties: 0,
      minimum: 15,
      repairPoints: 134,
      diagnosisPoints: 15,
      quizPoints: 10,
      score: 159,
    });
  });

  it('re-scores a solved attempt when the diagnosis comes after the repair', () => {
    const solved = computeScore({ ...base, difficulty: 'advanced', hintCosts: 10, quizPoints: 5 });
    expect(solved.score).toBe(195);
    expect(withDiagnosisPoints(solved, 30)).toEqual({ ...solved, diagnosisPoints: 30, score: 225 });
    expect(withDiagnosisPoints({ ...solved, repairPoints: 0, quizPoints: -10 }, 5).score).toBe(0);
  });
});
