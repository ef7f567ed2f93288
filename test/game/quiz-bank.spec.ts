import 'reflect-metadata';
import { buildQuizBank, loadQuizBank, QuizBankError, type BankQuestion } from '../../src/game/quiz/quiz-bank';
import { choiceOrder, pickQuestions, scoreAnswer } from '../../src/game/quiz/quiz-round';

const VALID = `topic: probes
title: Probes
questions:
  - id: q-one
    question: Which?
    choices: [a, b, c]
    answers: [1]
    explanation: Because.
`;

function problems(files: Array<{ source: string; text: string }>): string[] {
  try {
    buildQuizBank(files);
  } catch (err) {
    if (err instanceof QuizBankError) return err.problems;
    throw err;
  }
  return [];
}

describe('the quiz bank', () => {
  const bank = loadQuizBank();

  it('holds at least 40 questions on the seed topics, each answerable and explained', () => {
    const ids = bank.allQuestionIds();
    expect(ids.length).toBeGreaterThanOrEqual(40);
    expect(new Set(ids).size).toBe(ids.length);
    expect(bank.topics.map((t) => t.id).sort()).toEqual(
      ['admission', 'back-off', 'debugging', 'node-lifecycle', 'phases-conditions', 'pod-creation', 'probes', 'resource-version'].sort(),
    );
    const questions = ids.map((id) => bank.question(id)!);
    expect(questions.filter((q) => q.answers.length > 1).length).toBeGreaterThanOrEqual(5);
    for (const q of questions) {
      expect(q.answers.every((a) => a < q.choices.length)).toBe(true);
      expect(q.explanation.length).toBeGreaterThan(20);
    }
  });

  it.each([
    ['an answer past the choices', VALID.replace('answers: [1]', 'answers: [3]'), 'q.quiz.yaml: questions[0].answers: every answer must index one of the 3 choices'],
    ['a missing explanation', VALID.replace('    explanation: Because.\n', ''), 'q.quiz.yaml: questions[0].explanation: explanation must be a string'],
    ['an unknown field', VALID.replace('    answers: [1]', '    answers: [1]\n    answer: 1'), 'q.quiz.yaml: questions[0].answer: property answer should not exist'],
    ['a single choice', VALID.replace('[a, b, c]', '[a]'), 'q.quiz.yaml: questions[0].choices: choices must contain at least 2 elements'],
    ['a topic id with spaces', VALID.replace('topic: probes', 'topic: the probes'), 'q.quiz.yaml: topic: topic must be lowercase words joined by "-"'],
    ['broken YAML', 'topic: [', 'q.quiz.yaml: YAML:'],
  ])('rejects %s', (_, text, problem) => {
    expect(problems([{ source: 'q.quiz.yaml', text }]).join('\n')).toContain(problem);
  });

  it('rejects a question id used twice, naming both files', () => {
    expect(problems([{ source: 'a.quiz.yaml', text: VALID }, { source: 'b.quiz.yaml', text: VALID.replace('topic: probes', 'topic: other') }])).toEqual([
      'b.quiz.yaml: questions[0].id: "q-one" is already used in a.quiz.yaml',
    ]);
  });
});

describe('quiz round rules', () => {
  const bank = loadQuizBank();
  const single: BankQuestion = { id: 's', topic: 't', question: '?', choices: ['a', 'b', 'c'], answers: [1], explanation: '.', points: 100, timeLimitMs: 30_000 };
  const multiple: BankQuestion = { ...single, id: 'm', answers: [0, 2] };

  it.each([
    ['instantly', single, [1], 0, { correct: true, late: false, points: 150, speedBonus: 50 }],
    ['after 3 s', single, [1], 3_000, { correct: true, late: false, points: 145, speedBonus: 45 }],
    ['at the limit', single, [1], 30_000, { correct: true, late: false, points: 100, speedBonus: 0 }],
    ['late', single, [1], 30_001, { correct: true, late: true, points: 0, speedBonus: 0 }],
    ['wrong', single, [0], 1_000, { correct: false, late: false, points: 0, speedBonus: 0 }],
    ['every right choice, repeated', multiple, [2, 0, 2], 15_000, { correct: true, late: false, points: 125, speedBonus: 25 }],
    ['half of a multiple', multiple, [0], 1_000, { correct: false, late: false, points: 0, speedBonus: 0 }],
    ['too many choices', multiple, [0, 1, 2], 1_000, { correct: false, late: false, points: 0, speedBonus: 0 }],
  ])('scores an answer %s', (_, question, choices, elapsedMs, expected) => {
    expect(scoreAnswer(question, choices, elapsedMs)).toEqual(expected);
  });

  it('draws the same questions and choice orders from the same seed, and others from another', () => {
    expect(pickQuestions(bank, 'probes', 5, 42)).toEqual(pickQuestions(bank, 'probes', 5, 42));
    expect(pickQuestions(bank, null, 10, 42)).not.toEqual(pickQuestions(bank, null, 10, 43));
    expect(pickQuestions(bank, 'probes', 99, 1)).toHaveLength(bank.topic('probes')!.questionIds.length);
    const question = bank.question(bank.allQuestionIds()[0])!;
    const order = choiceOrder(42, question);
    expect([...order].sort()).toEqual(question.choices.map((_, i) => i));
    expect(choiceOrder(42, question)).toEqual(order);
    const orders = new Set(Array.from({ length: 20 }, (_, seed) => choiceOrder(seed, question).join()));
    expect(orders.size).toBeGreaterThan(1);
  });
});
