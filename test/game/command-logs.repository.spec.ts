/**
 * The batched command log against a real temporary SQLite file: nothing queued is lost on a read, a
 * restart, a full batch or a bad entry, and a finished attempt's commands are stored with its final state.
 */
import { Logger } from '@nestjs/common';
import { AttemptsService } from '../../src/game/attempts/attempts.service';
import type { Principal } from '../../src/game/auth/players.service';
import { AttemptsRepository } from '../../src/game/persistence/attempts.repository';
import { COMMAND_LOG_BATCH, type CommandLogEntry, CommandLogsRepository } from '../../src/game/persistence/command-logs.repository';
import { PrismaService } from '../../src/game/persistence/prisma.service';
import { registerPrincipal } from '../support/accounts';
import { createFakeCatalog, FAKE_SCENARIO_ID } from '../support/fake-catalog';
import { MANUAL_TICKER, startTestApp, type TestApp } from '../support/test-app';
import { freshDatabaseUrl } from '../support/test-database';

describe('CommandLogsRepository (batched, real SQLite)', () => {
  let testApp: TestApp;
  let databaseUrl: string;

  const boot = async (): Promise<void> => {
    testApp = await startTestApp({ databaseUrl, catalog: createFakeCatalog(), listen: false, env: MANUAL_TICKER });
  };
  const logs = (): CommandLogsRepository => testApp.app.get(CommandLogsRepository);
  const storedRows = (attemptId: string): Promise<number> => testApp.app.get(PrismaService).commandLog.count({ where: { attemptId } });
  const entry = (attemptId: string, seq: number): CommandLogEntry => ({
    attemptId,
    seq,
    command: `echo ${seq}`,
    stdout: `${seq}\n`,
    stderr: seq % 2 ? '' : 'warning: even\n',
    exitCode: seq % 3,
    virtualMs: seq * 1000,
    timelineSeq: seq * 2,
  });

  async function startAttempt(name: string): Promise<{ player: Principal; attemptId: string }> {
    const player = await registerPrincipal(testApp.app, name);
    const { attemptId } = await testApp.app.get(AttemptsService).start(player, FAKE_SCENARIO_ID);
    return { player, attemptId };
  }

  beforeEach(async () => {
    databaseUrl = freshDatabaseUrl();
    await boot();
  });

  afterEach(async () => {
    await testApp.app.close();
  });

  it('queues entries and reads them back complete and in order (a read flushes first)', async () => {
    const { attemptId } = await startAttempt('alice');
    for (let seq = 1; seq <= 5; seq++) logs().append(entry(attemptId, seq));
    expect(await logs().listForAttempt(attemptId)).toEqual([1, 2, 3, 4, 5].map((seq) => entry(attemptId, seq)));
    expect(await logs().nextSeq(attemptId)).toBe(6);
  });

  it("stores any text and number as Prisma's own create does (the batch is one JSON parameter)", async () => {
    const { attemptId } = await startAttempt('alice');
    const awkward = ['nul \u0000 inside', 'lone \ud800 surrogate', '😀 é \\ " \n\t\r', '\u2028\u2029', "'); DROP TABLE \"CommandLog\"; --", ''];
    const prisma = testApp.app.get(PrismaService);
    const before = new Date();
    awkward.forEach((text, i) => {
      logs().append({ attemptId, seq: i + 1, command: text, stdout: text, stderr: text, exitCode: 255, virtualMs: 2 ** 40 + i, timelineSeq: 2 ** 31 + i });
    });
    await logs().flush();
    for (const [i, text] of awkward.entries()) {
      await prisma.commandLog.create({ data: { attemptId, seq: 100 + i, command: text, stdout: text, stderr: text, exitCode: 255, virtualMs: 2 ** 40 + i, timelineSeq: 2 ** 31 + i } });
    }
    const rows = await prisma.commandLog.findMany({ where: { attemptId }, orderBy: { seq: 'asc' } });
    const ours = rows.filter((r) => r.seq < 100);
    const theirs = rows.filter((r) => r.seq >= 100);
    expect(ours).toHaveLength(awkward.length);
    const fields = ({ command, stdout, stderr, exitCode, virtualMs, timelineSeq }: (typeof rows)[number]) => ({ command, stdout, stderr, exitCode, virtualMs, timelineSeq });
    expect(ours.map(fields)).toEqual(theirs.map(fields));
    expect(ours[0].command).toBe('nul \u0000 inside');
    for (const r of ours) {
      expect(r.createdAt.getTime()).toBeGreaterThanOrEqual(before.getTime());
      expect(r.createdAt.getTime()).toBeLessThanOrEqual(Date.now());
    }
    // The stored DateTime text is the adapter's own format, so SQL comparisons against Prisma-written rows hold.
    const formats = await prisma.$queryRawUnsafe<Array<{ createdAt: string }>>('SELECT CAST("createdAt" AS TEXT) AS "createdAt" FROM "CommandLog" WHERE "attemptId" = ? ORDER BY "seq"', attemptId);
    for (const f of formats) expect(f.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/);
  });

  it('writes a full batch at once, without waiting for the timer', async () => {
    const { attemptId } = await startAttempt('alice');
    for (let seq = 1; seq <= COMMAND_LOG_BATCH; seq++) logs().append(entry(attemptId, seq));
    logs().append(entry(attemptId, COMMAND_LOG_BATCH + 1));
    // The full batch went to the writer when it filled; flushing the remainder waits for it too.
    await logs().flush();
    expect(await storedRows(attemptId)).toBe(COMMAND_LOG_BATCH + 1);
  });

  it('stores queued entries at shutdown, so a restarted server has them and continues the sequence', async () => {
    const { attemptId } = await startAttempt('alice');
    for (let seq = 1; seq <= 3; seq++) logs().append(entry(attemptId, seq));
    await testApp.app.close();
    await boot();
    expect((await logs().listForAttempt(attemptId)).map((e) => e.seq)).toEqual([1, 2, 3]);
  });

  it('keeps the good entries of a batch that holds a bad one', async () => {
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined); // the two bad entries are reported
    const { attemptId } = await startAttempt('alice');
    logs().append(entry(attemptId, 1));
    logs().append(entry('no-such-attempt', 1)); // violates the attempt foreign key
    logs().append(entry(attemptId, 1)); // violates (attemptId, seq) uniqueness
    logs().append(entry(attemptId, 2));
    expect((await logs().listForAttempt(attemptId)).map((e) => e.seq)).toEqual([1, 2]);
  });

  it("stores an attempt's commands before it is marked abandoned", async () => {
    const { player, attemptId } = await startAttempt('alice');
    const attempts = testApp.app.get(AttemptsService);
    await attempts.runCommand(player.playerId, attemptId, 'kubectl get pods');
    await attempts.runCommand(player.playerId, attemptId, 'kubectl get nodes');
    const repository = testApp.app.get(AttemptsRepository);
    const markAbandoned = repository.markAbandoned.bind(repository);
    let rowsWhenMarked = -1;
    jest.spyOn(repository, 'markAbandoned').mockImplementation(async (...args) => {
      rowsWhenMarked = await storedRows(attemptId);
      return markAbandoned(...args);
    });
    await attempts.abandon(player.playerId, attemptId);
    expect(rowsWhenMarked).toBe(2);
  });
});
