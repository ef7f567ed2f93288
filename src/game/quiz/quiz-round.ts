/**
 * The rules of a standalone quiz round, pure: which questions a round asks, how each question's choices are
 * shuffled for it, and how an answer scores. Everything derives from the round's seed, so a round looks the
 * same after a restart.
 */
import type { BankQuestion, QuizBank } from './quiz-bank';

/** Share of a question's points that an instant right answer adds on top. */
export const SPEED_BONUS_SHARE = 0.5;

/** Questions of a round: `size` of the topic's (or of all) questions, in an order drawn from the seed. */
export function pickQuestions(bank: QuizBank, topic: string | null, size: number, seed: number): string[] {
  const pool = topic === null ? bank.allQuestionIds() : (bank.topic(topic)?.questionIds ?? []);
  return shuffle(pool, seed).slice(0, Math.min(size, pool.length));
}

/** `order[i]` is the bank index of the choice the round shows at position `i`; different per question and round. */
export function choiceOrder(seed: number, question: BankQuestion): number[] {
  return shuffle(
    question.choices.map((_, i) => i),
    mix(seed, question.id),
  );
}

export interface AnswerScore {
  correct: boolean;
  late: boolean;
  points: number;
  speedBonus: number;
}

/**
 * Exactly the right choices (as bank indices), within the time limit: the question's points plus a speed
 * bonus of up to half of them, falling linearly from an instant answer to none at the limit:
 * `bonus = floor(points × 0.5 × (limit − elapsed) / limit)`. Wrong or late: 0 (a late answer still learns
 * whether it was right).
 */
export function scoreAnswer(question: BankQuestion, bankChoices: number[], elapsedMs: number): AnswerScore {
  const given = [...new Set(bankChoices)].sort((a, b) => a - b);
  const correct = given.length === question.answers.length && given.every((c, i) => c === question.answers[i]);
  const late = elapsedMs > question.timeLimitMs;
  if (!correct || late) return { correct, late, points: 0, speedBonus: 0 };
  const left = Math.max(0, question.timeLimitMs - elapsedMs);
  const speedBonus = Math.floor((question.points * SPEED_BONUS_SHARE * left) / question.timeLimitMs);
  return { correct, late, points: question.points + speedBonus, speedBonus };
}

/** Fisher–Yates with mulberry32 seeded by `seed`. */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  const next = mulberry32(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a of the text, folded into the seed: one independent stream per question. */
function mix(seed: number, text: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
