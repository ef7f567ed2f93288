/**
 * The write-ahead log is checkpointed by a worker thread, not inside the server's commits: the app's own
 * connection has automatic checkpoints off, the worker moves every committed frame into the database file,
 * and at shutdown the log is emptied into that file.
 */
import { existsSync, statSync } from 'node:fs';
import { AttemptProgressService } from '../../src/game/attempts/attempt-progress.service';
import { AttemptsService } from '../../src/game/attempts/attempts.service';
import { AttemptsRepository } from '../../src/game/persistence/attempts.repository';
import { PrismaService } from '../../src/game/persistence/prisma.service';
import { registerPrincipal } from '../support/accounts';
import { createFakeCatalog, FAKE_SCENARIO_ID } from '../support/fake-catalog';
import { MANUAL_TICKER, startTestApp } from '../support/test-app';
import { freshDatabaseUrl } from '../support/test-database';

describe('WAL checkpoints off the event loop (real SQLite file)', () => {
  it('turns automatic checkpoints off, checkpoints in the worker, and leaves everything in the database file', async () => {
    const databaseUrl = freshDatabaseUrl();
    const testApp = await startTestApp({ databaseUrl, catalog: createFakeCatalog(), listen: false, env: MANUAL_TICKER });
    const prisma = testApp.app.get(PrismaService);
    const [{ wal_autocheckpoint }] = await prisma.$queryRawUnsafe<Array<{ wal_autocheckpoint: bigint }>>('PRAGMA wal_autocheckpoint');
    expect(Number(wal_autocheckpoint)).toBe(0);

    const alice = await registerPrincipal(testApp.app, 'alice');
    const { attemptId } = await testApp.app.get(AttemptsService).start(alice, FAKE_SCENARIO_ID);
    await testApp.app.get(AttemptProgressService).snapshotAll();

    const result = await prisma.checkpointer!.checkpointNow();
    expect(result.busy).toBe(0);
    expect(result.log).toBeGreaterThan(0);
    expect(result.checkpointed).toBe(result.log);

    await testApp.app.close();
    const wal = `${databaseUrl.slice('file:'.length)}-wal`;
    expect(existsSync(wal) ? statSync(wal).size : 0).toBe(0);
    const again = await startTestApp({ databaseUrl, catalog: createFakeCatalog(), listen: false, env: MANUAL_TICKER });
    try {
      const stored = await again.app.get(AttemptsRepository).findById(attemptId);
      expect(JSON.parse(stored!.snapshot!)).toMatchObject({ scenarioId: FAKE_SCENARIO_ID });
    } finally {
      await again.app.close();
    }
  });
});
