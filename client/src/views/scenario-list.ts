import type { ScenarioSummary } from '../../../src/game/protocol/messages';
import { el, formatSeconds } from '../dom';

/** The catalogue as cards with a Start button each. */
export function renderScenarioList(list: HTMLElement, scenarios: ScenarioSummary[], onStart: (scenario: ScenarioSummary) => void): void {
  list.replaceChildren(
    ...scenarios.map((scenario) => {
      const start = el('button', { text: 'Start', className: 'start' });
      start.type = 'button';
      start.dataset.scenarioId = scenario.id;
      start.addEventListener('click', () => onStart(scenario));
      return el(
        'li',
        { className: 'scenario' },
        el('div', { className: 'scenario-head' }, el('strong', { text: scenario.title }), start),
        el('div', { className: `badge ${scenario.difficulty}`, text: scenario.difficulty }),
        el('span', { className: 'muted', text: ` ${scenario.points} pts · par ${formatSeconds(scenario.parSeconds)}` }),
        el('p', { text: scenario.summary }),
      );
    }),
  );
}
