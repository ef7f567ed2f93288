import type { AttemptSolvedPush, ScenarioSummary } from '../../../src/game/protocol/messages';
import { debriefParagraphs } from '../debrief';
import { byId, el, formatSeconds } from '../dom';

export function renderScoreIntro(scenario: ScenarioSummary | null): void {
  const score = byId('score');
  if (!scenario) {
    score.replaceChildren(el('p', { className: 'muted', text: 'No attempt running.' }));
    return;
  }
  score.replaceChildren(
    el('p', { text: `Worth ${scenario.points} points; par ${formatSeconds(scenario.parSeconds)}.` }),
    el('p', { className: 'muted', text: 'Every 10 s over par, each hint and each broken guard rail costs points.' }),
  );
}

export function renderSolved(push: AttemptSolvedPush): void {
  const b = push.breakdown;
  const minus = (n: number): string => (n > 0 ? `−${n}` : '0');
  const rows: Array<[string, string]> = [
    ['Points', String(b.points)],
    [`Time ${formatSeconds(b.solveSeconds)} (par ${formatSeconds(b.parSeconds)})`, minus(b.overParPenalty)],
    ['Hints', minus(b.hintCosts)],
    ['Guard rails', minus(b.guardRailPenalties)],
    ['Minimum', String(b.minimum)],
  ];
  byId('score').replaceChildren(
    el('p', { className: 'score-total', text: `${push.score} points` }),
    el('table', { className: 'breakdown' }, ...rows.map(([k, v]) => el('tr', {}, el('td', { text: k }), el('td', { text: v })))),
    el('div', { className: 'debrief' }, ...debriefParagraphs(push.debrief).map((text) => el('p', { text }))),
  );
}
