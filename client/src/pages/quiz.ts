import type { QuizRoundAnswerResult, QuizRoundSummary, QuizRoundView } from '../../../src/game/protocol/messages';
import { errorText } from '../api';
import type { AppContext } from '../context';
import { byId, el, formatSeconds } from '../dom';
import { questionBlock } from '../views/questions';

/** The Quiz page: pick a topic, answer a round against the clock, finish it for the quiz leaderboard. */
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
      const { topics } = await this.ctx.client.request('quiz:topics', {});
      this.topic.replaceChildren(
        Object.assign(el('option', { text: 'All topics (a mix)' }), { value: '' }),
        ...topics.map((t) => Object.assign(el('option', { text: `${t.title} (${t.count})` }), { value: t.id })),
      );
      this.loaded = true;
      this.message.textContent = '';
    } catch (err) {
      this.message.textContent = `Quiz topics: ${errorText(err)}`;
    }
  }

  private async startRound(): Promise<void> {
    if (!this.ctx.me()) {
      this.message.textContent = 'Sign in or play as a guest first.';
      return;
    }
    const size = Math.min(20, Math.max(1, Math.round(Number(byId<HTMLInputElement>('quiz-size').value) || 10)));
    try {
      const round = await this.ctx.client.request('quiz-round:start', { ...(this.topic.value ? { topic: this.topic.value } : {}), size });
      this.message.textContent = round.resumed ? 'You had a round open: here it is again.' : '';
      this.render(round);
    } catch (err) {
      this.message.textContent = errorText(err);
    }
  }

  private render(round: QuizRoundView): void {
    const root = byId('quiz-round');
    const total = round.questions.length;
    let answered = round.questions.filter((q) => q.answered).length;
    const tally = el('p', { className: 'muted' });
    tally.setAttribute('aria-live', 'polite');
    const showTally = (score: number): void => void (tally.textContent = `${answered} of ${total} answered · ${score} points · faster right answers earn a bonus`);
    showTally(round.score);
    const finish = el('button', { text: 'Finish round' });
    finish.type = 'button';
    finish.id = 'quiz-finish';
    const outcome = el('div');
    outcome.setAttribute('role', 'status');
    finish.addEventListener('click', () => {
      finish.disabled = true;
      void this.ctx.client.request('quiz-round:finish', { roundId: round.roundId }).then(
        (summary) => this.showSummary(outcome, summary),
        (err: unknown) => {
          finish.disabled = false;
          outcome.textContent = errorText(err);
        },
      );
    });
    root.replaceChildren(
      ...round.questions.map((q) => {
        const block = questionBlock(q, q.answered, async (choices) => {
          const r: QuizRoundAnswerResult = await this.ctx.client.request('quiz-round:answer', { roundId: round.roundId, questionId: q.id, choices });
          answered++;
          showTally(r.roundScore);
          if (r.remaining === 0) finish.textContent = 'See the result';
          return { ...r, explanation: `${r.late ? 'Too late for points. ' : r.speedBonus > 0 ? `Speed bonus +${r.speedBonus}. ` : ''}${r.explanation}` };
        });
        block.querySelector('.muted')?.append(` · ${formatSeconds(q.timeLimitSeconds)} to answer`);
        return block;
      }),
      tally,
      finish,
      outcome,
    );
    (root.querySelector('input:not(:disabled)') as HTMLInputElement | null)?.focus();
  }

  private showSummary(outcome: HTMLElement, s: QuizRoundSummary): void {
    outcome.id = 'quiz-result';
    outcome.replaceChildren(
      el('p', { className: 'score-total', text: `Round finished: ${s.score} points` }),
      el('p', { text: `${s.correct} of ${s.questions} right${s.late ? `, ${s.late} too late` : ''} in ${formatSeconds(s.answerSeconds)}. Your best round: ${s.bestScore} points.` }),
      el('p', { className: 'muted', text: s.onLeaderboard ? 'It counts on the Quiz board (Leaderboards page).' : 'Guests do not appear on the Quiz board: claim your account to be listed.' }),
    );
  }
}
