import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { QuizBankFileFormat } from './quiz-bank.format';

export const DEFAULT_QUESTION_POINTS = 100;
export const DEFAULT_TIME_LIMIT_SECONDS = 30;

/** A question as the game uses it: defaults applied, its topic attached. */
export interface BankQuestion {
  id: string;
  topic: string;
  question: string;
  choices: string[];
  /** Sorted indices into `choices`. */
  answers: number[];
  explanation: string;
  points: number;
  timeLimitMs: number;
}

export interface BankTopic {
  id: string;
  title: string;
  /** Question ids in file order. */
  questionIds: string[];
}

/** The standalone quiz's questions, by topic; read once at start-up. */
export class QuizBank {
  private readonly byId: Map<string, BankQuestion>;

  constructor(
    readonly topics: BankTopic[],
    questions: BankQuestion[],
  ) {
    this.byId = new Map(questions.map((q) => [q.id, q]));
  }

  question(id: string): BankQuestion | undefined {
    return this.byId.get(id);
  }

  topic(id: string): BankTopic | undefined {
    return this.topics.find((t) => t.id === id);
  }

  /** Every question id, topic by topic. */
  allQuestionIds(): string[] {
    return this.topics.flatMap((t) => t.questionIds);
  }
}

export class QuizBankError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`${source}: ${problems.join('; ')}`);
  }
}

/** Resolved from the project root, so it works from src/ (tests) and from dist/ (the built server). */
export const QUIZ_BANK_DIR = resolve(__dirname, '../../../src/game/quiz/bank');

/** Reads every `*.quiz.yaml` of `dir`; every problem of every file is reported, not just the first. */
export function loadQuizBank(dir = QUIZ_BANK_DIR): QuizBank {
  const files = readdirSync(dir).filter((f) => f.endsWith('.quiz.yaml')).sort();
  return buildQuizBank(files.map((f) => ({ source: f, text: readFileSync(join(dir, f), 'utf8') })));
}

/** Parses and validates bank files (YAML text); ids must be unique across topics and questions. */
export function buildQuizBank(files: Array<{ source: string; text: string }>): QuizBank {
  const topics: BankTopic[] = [];
  const questions: BankQuestion[] = [];
  const problems: string[] = [];
  const seenQuestions = new Map<string, string>();
  for (const { source, text } of files) {
    const parsed = parseFile(source, text);
    if (typeof parsed === 'string') {
      problems.push(parsed);
      continue;
    }
    if (topics.some((t) => t.id === parsed.topic)) problems.push(`${source}: topic "${parsed.topic}" is defined twice`);
    const ids: string[] = [];
    parsed.questions.forEach((q, i) => {
      const where = `${source}: questions[${i}]`;
      if (q.answers.some((a) => a >= q.choices.length)) problems.push(`${where}.answers: every answer must index one of the ${q.choices.length} choices`);
      const other = seenQuestions.get(q.id);
      if (other) problems.push(`${where}.id: "${q.id}" is already used in ${other}`);
      seenQuestions.set(q.id, source);
      ids.push(q.id);
      questions.push({
        id: q.id,
        topic: parsed.topic,
        question: q.question,
        choices: q.choices,
        answers: [...q.answers].sort((a, b) => a - b),
        explanation: q.explanation,
        points: q.points ?? DEFAULT_QUESTION_POINTS,
        timeLimitMs: (q.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS) * 1000,
      });
    });
    topics.push({ id: parsed.topic, title: parsed.title, questionIds: ids });
  }
  if (problems.length > 0) throw new QuizBankError('quiz bank', problems);
  return new QuizBank(topics, questions);
}

function parseFile(source: string, text: string): QuizBankFileFormat | string {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (err) {
    return `${source}: YAML: ${(err as Error).message}`;
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return `${source}: the file must be a YAML mapping`;
  const format = plainToInstance(QuizBankFileFormat, raw);
  const problems = flatten(validateSync(format, { forbidUnknownValues: false, whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: true }));
  return problems.length > 0 ? `${source}: ${problems.join('; ')}` : format;
}

function flatten(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((e) => {
    const path = prefix ? (/^\d+$/.test(e.property) ? `${prefix}[${e.property}]` : `${prefix}.${e.property}`) : e.property;
    return [...Object.values(e.constraints ?? {}).map((m) => `${path}: ${m}`), ...flatten(e.children ?? [], path)];
  });
}
