import type { CatalogEntry } from '../../../src/game/protocol/messages';
import { groupByTrack } from '../catalogue-order';
import { el, formatSeconds } from '../dom';


/** The event the player joined: its scenarios get a "Play in event" button. */
export interface JoinedEvent {
  eventId: string;
  name: string;
  scenarioIds: string[];
}

export function renderCatalogue(
  root: HTMLElement,
  scenarios: CatalogEntry[],
  activeIds: Set<string>,
  event: JoinedEvent | null,
  onStart: (s: CatalogEntry, eventId?: string) => void,
): void {
  if (scenarios.length === 0) {
    root.replaceChildren(el('p', { className: 'muted', text: 'Loading scenarios…' }));
    return;
  }
  root.replaceChildren(
    ...groupByTrack(scenarios).map(({ scenarios: list }) => {
      const title = list[0].trackTitle;
      const section = el(
        'section',
        { className: 'track' },
        el('h3', { text: title }),
        el('ul', { className: 'cards' }, ...list.map((s) => card(s, activeIds.has(s.id), event?.scenarioIds.includes(s.id) ? event : null, onStart))),
      );
      section.setAttribute('aria-label', `Track: ${title}`);
      section.dataset.track = list[0].track;
      return section;
    }),
  );
}

function card(s: CatalogEntry, active: boolean, event: JoinedEvent | null, onStart: (s: CatalogEntry, eventId?: string) => void): HTMLElement {
  const start = el('button', { text: active ? 'Resume' : s.best ? 'Play again' : 'Start', className: 'start' });
  start.type = 'button';
  start.dataset.scenarioId = s.id;
  start.setAttribute('aria-label', `${active ? 'Resume' : 'Start'} ${s.title}`);
  start.addEventListener('click', () => onStart(s));
  const inEvent = event ? el('button', { text: 'Play in event', className: 'secondary' }) : null;
  if (inEvent && event) {
    inEvent.type = 'button';
    inEvent.dataset.eventScenarioId = s.id;
    inEvent.setAttribute('aria-label', `Play ${s.title} in ${event.name}`);
    inEvent.addEventListener('click', () => onStart(s, event.eventId));
  }
  const best = s.best
    ? el('span', { className: 'best', text: `✔ best ${s.best.score} pts in ${formatSeconds(s.best.solveSeconds)}` })
    : el('span', { className: 'muted', text: 'not solved yet' });
  const item = el(
    'li',
    { className: 'card' },
    el('div', { className: 'card-head' }, el('strong', { text: s.title }), el('span', { className: `badge ${s.difficulty}`, text: s.difficulty })),
    el('p', { text: s.summary }),
    el('p', { className: 'muted', text: `${s.points} pts · par ${formatSeconds(s.parSeconds)} · ${s.hintCount} hint${s.hintCount === 1 ? '' : 's'}${s.tags.length ? ` · ${s.tags.join(', ')}` : ''}` }),
    el('div', { className: 'card-foot' }, best, el('span', { className: 'row' }, ...(inEvent ? [inEvent] : []), start)),
  );
  item.dataset.scenario = s.id;
  return item;
}
