import type { AttemptSolvedPush, ScenarioSummary } from '../../../src/game/protocol/messages';
import { debriefParagraphs } from '../debrief';
import { byId, el, formatSeconds } from '../dom';

/** Mirrors DIFFICULTY_MULTIPLIER in src/game/scoring/score.ts (the client imports server code type-only). */
const DIFFICULTY_MULTIPLIER: Record<ScenarioSummary['difficulty'], number> = { beginner: 1, intermediate: 1.5, advanced: 2 };

export function renderScoreIntro(scenario: ScenarioSummary | null): void {
  const score = byId('score');
  if (!scenario) {
    score.replaceChildren(el('p', { className: 'muted', text: 'No attempt running.' }));
    return;
  }
  score.replaceChildren(
    el('p', { text: `Worth ${scenario.points} points (× ${DIFFICULTY_MULTIPLIER[scenario.difficulty]}, ${scenario.difficulty}); par ${formatSeconds(scenario.parSeconds)}.` }),
    el('p', { className: 'muted', text: 'Every 10 s over par, each hint and each broken guard rail costs points.' }),
  );
}

export function renderSolved(push: AttemptSolvedPush): void {
  const b = push.breakdown;
  const minus = (n: number): string => (n > 0 ? `−${n}` : '0');
  const rows: Array<[string, string]> = [
    [`Points × ${b.multiplier} (${b.difficulty})`, String(b.basePoints)],
    [`Time ${formatSeconds(b.solveSeconds)} (par ${formatSeconds(b.parSeconds)})`, minus(b.overParPenalty)],
    ['Hints', minus(b.hintCosts)],
    ['Guard rails', minus(b.guardRailPenalties)],
    ['Minimum for the repair', String(b.minimum)],
    ['Diagnosis', `+${b.diagnosisPoints}`],
    ['Quiz', b.quizPoints < 0 ? `−${-b.quizPoints}` : `+${b.quizPoints}`],
  ];
  byId('score').replaceChildren(
    el('p', { className: 'score-total', text: `${push.score} points` }),
    el('table', { className: 'breakdown' }, ...rows.map(([k, v]) => el('tr', {}, el('td', { text: k }), el('td', { text: v })))),
    el('div', { className: 'debrief' }, ...debriefParagraphs(push.debrief).map((text) => el('p', { text }))),
  );
}
