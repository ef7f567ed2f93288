import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ValidationPool } from '../../src/game/authoring/validation-pool.service';
import { GameErrorCode } from '../../src/game/errors/game-error';

const VALID = readFileSync(join(__dirname, '..', 'fixtures', 'authoring', 'valid.scenario.yaml'), 'utf8');

/** A pool built with the given environment (it reads its configuration when created). */
function poolWith(env: Record<string, string>): ValidationPool {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    return new ValidationPool();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

describe('ValidationPool (validation by simulation in worker threads)', () => {
  let pool: ValidationPool | undefined;
  afterEach(async () => {
    await pool?.onApplicationShutdown();
    pool = undefined;
  });

  it('reports a validation that overruns its budget as timed out, and replaces the worker for the next one', async () => {
    pool = poolWith({ CRASHLOOP_VALIDATION_WORKERS: '1', CRASHLOOP_VALIDATION_TIMEOUT_MS: '1' });
    const first = await pool.validate(VALID);
    expect(first).toEqual({ ok: false, steps: [], errors: [{ message: expect.stringMatching(/^validation timed out after 1ms: /) }] });
    const second = await pool.validate(VALID);
    expect(second.errors[0].message).toMatch(/^validation timed out/);
  }, 60_000);

  it('runs the validator in a worker, and refuses new validations while its queue is full', async () => {
    pool = poolWith({ CRASHLOOP_VALIDATION_WORKERS: '1', CRASHLOOP_VALIDATION_QUEUE: '1' });
    // The worker cannot be ready synchronously, so the first validation is still queued.
    const queued = pool.validate(VALID);
    await expect(pool.validate(VALID)).rejects.toMatchObject({ code: GameErrorCode.RateLimited, message: expect.stringContaining('waiting for validation') });
    const good = await queued;
    expect(good).toMatchObject({ ok: true, scenarioId: 'authored-wrong-tag', errors: [] });
    expect(good.steps.length).toBeGreaterThanOrEqual(4);
    const bad = await pool.validate('id: [x\n');
    expect(bad).toMatchObject({ ok: false, steps: [], errors: [{ line: expect.any(Number), message: expect.stringMatching(/^YAML: /) }] });
  }, 60_000);
});
