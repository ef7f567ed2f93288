import type { HintView, SessionProgress } from '../../../src/game/protocol/messages';
import { byId, el, formatSeconds } from '../dom';

/** Counts the stabilisation window down between pushes (progress is pushed only when it changes). */
let countdown: number | undefined;

function showStabilising(progress: SessionProgress): void {
  const line = byId('stabilising');
  window.clearInterval(countdown);
  line.classList.toggle('done', progress.solved);
  if (progress.solved) {
    line.textContent = '✔ Solved!';
    return;
  }
  if (!progress.allMet) {
    line.textContent = progress.objectives.length > 0 ? 'Objectives must all hold together.' : '';
    return;
  }
  const windowS = Math.round(progress.stabilisationMs / 1000);
  const receivedAt = Date.now();
  const draw = (): void => {
    // The virtual clock may run faster than real time; the server decides the moment of solving.
    const held = Math.min(windowS, Math.floor((progress.heldForMs + Date.now() - receivedAt) / 1000));
    line.textContent = `All objectives met — stabilising: ${formatSeconds(Math.max(0, windowS - held))} left of ${formatSeconds(windowS)}`;
  };
  draw();
  countdown = window.setInterval(draw, 1000);
}

/** Objectives (green once met), the stabilisation countdown, broken guard rails. */
export function renderProgress(progress: SessionProgress | null): void {
  const objectives = byId('objectives');
  const violations = byId('violations');
  if (!progress) {
    window.clearInterval(countdown);
    objectives.replaceChildren();
    byId('stabilising').textContent = '';
    violations.replaceChildren();
    return;
  }
  objectives.replaceChildren(
    ...progress.objectives.map((o) => {
      const item = el(
        'li',
        { className: o.met ? 'met' : 'unmet' },
        el('span', { className: 'mark', text: o.met ? '✔' : '○' }),
        el('span', { text: o.description }),
        ...(o.whyNot ? [el('small', { className: 'why', text: o.whyNot })] : []),
      );
      item.dataset.objective = o.id;
      item.setAttribute('aria-label', `${o.met ? 'Met' : 'Not met'}: ${o.description}`);
      return item;
    }),
  );
  showStabilising(progress);
  violations.replaceChildren(...progress.violations.map((v) => el('li', { text: `Guard rail broken: ${v.description} (−${v.penalty})` })));
}

export function renderHints(hints: HintView[]): void {
  byId('hints').replaceChildren(
    ...hints.filter((h) => h.text !== undefined).map((h) => el('li', { text: `Hint ${h.index + 1} (−${h.cost}): ${h.text ?? ''}` })),
  );
}

/** The next hint not yet taken, if any. */
export function nextHint(hints: HintView[]): HintView | undefined {
  return hints.find((h) => h.text === undefined);
}
