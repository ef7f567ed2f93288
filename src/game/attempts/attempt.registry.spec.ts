import { AttemptRegistry } from './attempt.registry';
import type { LiveAttempt } from './live-attempt';

const attempt = (id: string, playerId: string, scenarioId: string, eventId: string | null = null): LiveAttempt =>
  ({ id, playerId, scenarioId, eventId, closing: false }) as LiveAttempt;

describe('AttemptRegistry', () => {
  it("finds a player's attempt by scenario and event, and forgets it once removed", () => {
    const registry = new AttemptRegistry();
    const mine = attempt('a1', 'alice', 'imagepull');
    const inEvent = attempt('a2', 'alice', 'imagepull', 'event-1');
    registry.add(mine);
    registry.add(inEvent);
    registry.add(attempt('b1', 'bob', 'imagepull'));

    expect(registry.findByPlayerScenario('alice', 'imagepull', null)).toBe(mine);
    expect(registry.findByPlayerScenario('alice', 'imagepull', 'event-1')).toBe(inEvent);
    expect(registry.findByPlayerScenario('alice', 'crashloop', null)).toBeUndefined();
    expect([...registry.ofPlayer('alice')].map((a) => a.id).sort()).toEqual(['a1', 'a2']);

    registry.remove('a1');
    expect(registry.findByPlayerScenario('alice', 'imagepull', null)).toBeUndefined();
    expect(registry.get('a1')).toBeUndefined();
    registry.remove('a2');
    expect([...registry.ofPlayer('alice')]).toEqual([]);
    expect(registry.all().map((a) => a.id)).toEqual(['b1']);
  });

  it('skips a closing attempt, and a re-added id replaces the old entry', () => {
    const registry = new AttemptRegistry();
    registry.add({ ...attempt('a1', 'alice', 'imagepull'), closing: true });
    expect(registry.findByPlayerScenario('alice', 'imagepull', null)).toBeUndefined();
    const again = attempt('a1', 'alice', 'imagepull');
    registry.add(again);
    expect(registry.findByPlayerScenario('alice', 'imagepull', null)).toBe(again);
    expect([...registry.ofPlayer('alice')]).toEqual([again]);
  });
});
