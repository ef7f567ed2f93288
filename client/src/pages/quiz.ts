import { errorText } from '../api';
import type { AppContext } from '../context';
import type { QuizRound, QuizTopic, RoundAnswerResult, RoundFinishResult } from '../contracts';
import { byId, el } from '../dom';
import { questionBlock } from '../views/questions';

/** The Quiz page: pick a topic, answer a round of questions, finish it for the quiz leaderboard. */
export class QuizPage {
  private readonly message = byId('quiz-message');
  private readonly topic = byId<HTMLSelectElement>('quiz-topic');
  private loaded = false;

  constructor(private readonly ctx: AppContext) {
    byId<HTMLFormElement>('quiz-start').addEventListener('submit', (e) => {
      e.preventDefault();
      void this.startRound();
    });
  }

  async shown(): Promise<void> {
    if (this.loaded) return;
    try {
      const { topics } = await this.ctx.client.call<{ topics: QuizTopic[] }>('quiz:topics', {});
      this.topic.replaceChildren(
        Object.assign(el('option', { text: 'All topics' }), { value: '' }),
        ...topics.map((t) => Object.assign(el('option', { text: `${t.title} (${t.count})` }), { value: t.id })),
      );
      this.loaded = true;
      this.message.textContent = '';
    } catch (err) {
      this.message.textContent = `Quiz rounds are not available: ${errorText(err)}`;
    }
  }

  private async startRound(): Promise<void> {
    if (!this.ctx.me()) {
      this.message.textContent = 'Sign in or play as a guest first.';
      return;
    }
    const size = Number(byId<HTMLInputElement>('quiz-size').value) || 5;
    try {
      const round = await this.ctx.client.call<QuizRound>('quiz-round:start', { ...(this.topic.value ? { topic: this.topic.value } : {}), size });
      this.message.textContent = '';
      this.render(round);
    } catch (err) {
      this.message.textContent = errorText(err);
    }
  }

  private render(round: QuizRound): void {
    const root = byId('quiz-round');
    let answered = 0;
    let points = 0;
    const tally = el('p', { className: 'muted', text: `0 of ${round.questions.length} answered` });
    tally.setAttribute('aria-live', 'polite');
    const finish = el('button', { text: 'Finish round' });
    finish.type = 'button';
    finish.id = 'quiz-finish';
    const outcome = el('div');
    outcome.setAttribute('role', 'status');
    finish.addEventListener('click', () => {
      finish.disabled = true;
      void this.ctx.client.call<RoundFinishResult>('quiz-round:finish', { roundId: round.roundId }).then(
        (r) => {
          const score = typeof r.score === 'number' ? r.score : points;
          outcome.replaceChildren(el('p', { className: 'score-total', text: `Round finished: ${score} points` }), el('p', { className: 'muted', text: 'See the Quiz board on the Leaderboards page.' }));
          outcome.id = 'quiz-result';
        },
        (err: unknown) => {
          finish.disabled = false;
          outcome.textContent = errorText(err);
        },
      );
    });
    root.replaceChildren(
      ...round.questions.map((q) =>
        questionBlock(q, undefined, async (choices) => {
          const r = await this.ctx.client.call<RoundAnswerResult>('quiz-round:answer', { roundId: round.roundId, questionId: q.id, choices });
          answered++;
          points += r.points;
          tally.textContent = `${answered} of ${round.questions.length} answered · ${points} points`;
          return r;
        }),
      ),
      tally,
      finish,
      outcome,
    );
    (root.querySelector('input') as HTMLInputElement | null)?.focus();
  }
}
