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

