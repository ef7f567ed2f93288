import type { HintView, SessionProgress } from '../../../src/game/protocol/messages';
import { byId, el, formatSeconds } from '../dom';

/** Objectives (green once met), the stabilisation countdown, broken guard rails. */
export function renderProgress(progress: SessionProgress | null): void {
  const objectives = byId('objectives');
  const stabilising = byId('stabilising');
  const violations = byId('violations');
  if (!progress) {
    objectives.replaceChildren();
    stabilising.textContent = '';
    violations.replaceChildren();
    return;
  }
  objectives.replaceChildren(
    ...progress.objectives.map((o) =>
      el(
        'li',
        { className: o.met ? 'met' : 'unmet' },
        el('span', { className: 'mark', text: o.met ? '✔' : '○' }),
        el('span', { text: o.description }),
        ...(o.whyNot ? [el('small', { className: 'why', text: o.whyNot })] : []),
      ),
    ),
  );
  stabilising.textContent = progress.solved
    ? 'Solved!'
    : progress.allMet
      ? `All objectives met — they must hold for ${formatSeconds(Math.round(progress.stabilisationMs / 1000))}…`
      : '';
  violations.replaceChildren(
    ...progress.violations.map((v) => el('li', { text: `${v.description} (−${v.penalty})` })),
  );
}

export function renderHints(hints: HintView[]): void {
  byId('hints').replaceChildren(
    ...hints.filter((h) => h.text !== undefined).map((h) => el('li', { text: `${h.text ?? ''} (−${h.cost})` })),
  );
}

/** The next hint not yet taken, if any. */
export function nextHint(hints: HintView[]): HintView | undefined {
  return hints.find((h) => h.text === undefined);
}
