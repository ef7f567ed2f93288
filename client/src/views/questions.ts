import { el } from '../dom';

export interface QuestionLike {
  id: string;
  question: string;
  choices: string[];
  multiple?: boolean;
  points?: number;
}

export interface AnswerShown {
  correct: boolean;
  points: number;
  explanation: string;
  correctChoices?: number[];
}

/**
 * One multiple-choice question (radio or checkboxes) with an Answer button; once answered it shows
 * right/wrong, the points and the explanation. Shared by the attempt's quiz and quiz rounds.
 */
export function questionBlock(q: QuestionLike, answered: AnswerShown | undefined, onAnswer: (choices: number[]) => Promise<AnswerShown>): HTMLElement {
  const name = `q-${q.id}`;
  const multiple = q.multiple === true;
  const inputs = q.choices.map((choice, i) => {
    const input = el('input');
    input.type = multiple ? 'checkbox' : 'radio';
    input.name = name;
    input.value = String(i);
    input.disabled = answered !== undefined;
    return el('label', {}, input, el('span', { text: choice }));
  });
  const result = el('div', { className: 'explanation' });
  result.setAttribute('role', 'status');
  const answer = el('button', { text: 'Answer' });
  answer.type = 'button';
  const block = el(
    'div',
    { className: 'question' },
    el('p', {}, el('strong', { text: q.question }), el('span', { className: 'muted', text: `${multiple ? ' (several answers)' : ''}${q.points !== undefined ? ` · ${q.points} pts` : ''}` })),
    el('fieldset', {}, ...inputs),
    answer,
    result,
  );
  block.dataset.question = q.id;
  const show = (a: AnswerShown): void => {
    answer.hidden = true;
    for (const label of inputs) (label.firstElementChild as HTMLInputElement).disabled = true;
    if (a.correctChoices) {
      a.correctChoices.forEach((i) => inputs[i]?.classList.add('good'));
    }
    result.replaceChildren(
      el('p', { className: a.correct ? 'good' : 'bad', text: a.correct ? `✔ Correct (+${a.points})` : `✘ Not quite (${a.points})` }),
      el('p', { text: a.explanation }),
    );
  };
  if (answered) show(answered);
  answer.addEventListener('click', () => {
    const choices = inputs.map((l, i) => ((l.firstElementChild as HTMLInputElement).checked ? i : -1)).filter((i) => i >= 0);
    if (choices.length === 0) {
      result.textContent = 'Pick an answer first.';
      return;
    }
    answer.disabled = true;
    onAnswer(choices).then(show, (err: unknown) => {
      answer.disabled = false;
      result.textContent = err instanceof Error ? err.message : String(err);
    });
  });
  return block;
}
