import type { CatalogEntry } from '../../src/game/protocol/messages';

/** The catalogue's order. Pure (no DOM). */
const DIFFICULTY_ORDER = { beginner: 0, intermediate: 1, advanced: 2 } as const;

/** Tracks in first-seen order, each with its scenarios by difficulty, then points, then title. */
export function groupByTrack(scenarios: CatalogEntry[]): Array<{ track: string; scenarios: CatalogEntry[] }> {
  const tracks = new Map<string, CatalogEntry[]>();
  for (const s of scenarios) tracks.set(s.track, [...(tracks.get(s.track) ?? []), s]);
  return [...tracks].map(([track, list]) => ({
    track,
    scenarios: [...list].sort((a, b) => DIFFICULTY_ORDER[a.difficulty] - DIFFICULTY_ORDER[b.difficulty] || a.points - b.points || a.title.localeCompare(b.title)),
  }));
}


export interface CatalogueFilter {
  text: string;
  difficulty: string;
  solved: '' | 'solved' | 'unsolved';
}

/** Scenarios matching every filter; the text matches title, summary, tags and track, case-insensitively. */
export function filterCatalogue(scenarios: CatalogEntry[], f: CatalogueFilter): CatalogEntry[] {
  const words = f.text.toLowerCase().split(/\s+/).filter(Boolean);
  return scenarios.filter((s) => {
    if (f.difficulty && s.difficulty !== f.difficulty) return false;
    if (f.solved === 'solved' && !s.best) return false;
    if (f.solved === 'unsolved' && s.best) return false;
    const haystack = [s.title, s.summary, s.track, s.trackTitle, ...s.tags].join(' ').toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}
