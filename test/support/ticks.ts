import { AttemptRegistry } from '../../src/game/attempts/attempt.registry';
import { AttemptTickerService } from '../../src/game/attempts/attempt-ticker.service';
import type { TestApp } from './test-app';

/** Ticks `seconds` virtual seconds, one at a time (apps started with MANUAL_TICKER). */
export async function tick(testApp: TestApp, seconds: number): Promise<void> {
  const ticker = testApp.app.get(AttemptTickerService);
  for (let i = 0; i < seconds; i++) await ticker.tickAll(1000);
}

/** Ticks one virtual second at a time until the attempt was solved (it leaves the live registry); bounded. */
export async function tickUntilSolved(testApp: TestApp, attemptId: string, maxSeconds = 300): Promise<void> {
  const registry = testApp.app.get(AttemptRegistry);
  const ticker = testApp.app.get(AttemptTickerService);
  for (let i = 0; i < maxSeconds && registry.get(attemptId); i++) await ticker.tickAll(1000);
  if (registry.get(attemptId)) throw new Error(`attempt ${attemptId} not solved within ${maxSeconds} virtual seconds`);
}
