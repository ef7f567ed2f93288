import { Logger } from '@nestjs/common';
import { Worker } from 'node:worker_threads';

/** How often the worker moves committed pages from the write-ahead log into the database file. */
const CHECKPOINT_EVERY_MS = 1000;

/** Plain JS (no build step): opens its own connection and checkpoints without blocking writers. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
const checkpoint = (mode) => db.pragma('wal_checkpoint(' + mode + ')')[0];
const timer = setInterval(() => checkpoint('PASSIVE'), workerData.everyMs);
parentPort.on('message', (m) => {
  if (m === 'now') parentPort.postMessage({ result: checkpoint('PASSIVE') });
  if (m === 'stop') {
    clearInterval(timer);
    checkpoint('TRUNCATE');
    db.close();
    parentPort.postMessage({ stopped: true });
  }
});
`;

/** What `PRAGMA wal_checkpoint` reports: busy (1 if it could not finish), frames in the log, frames checkpointed. */
export interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

/**
 * SQLite checkpoints the write-ahead log into the database file inside whichever commit fills 1,000 pages,
 * fsync included: on the server's event loop, ≈ 10 ms for every 4 MB of snapshots written. This worker
 * thread checkpoints instead (the application's connection turns automatic checkpoints off), and at
 * shutdown truncates the log, so the database file alone holds everything.
 */
export class WalCheckpointer {
  private readonly logger = new Logger(WalCheckpointer.name);
  private readonly worker: Worker;
  private stopped = false;

  /** `onFailure` runs if the worker dies: the caller turns automatic checkpoints back on. */
  constructor(file: string, onFailure: () => void) {
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver: require.resolve('better-sqlite3'), everyMs: CHECKPOINT_EVERY_MS } });
    this.worker.unref();
    this.worker.on('error', (err) => {
      this.logger.error(`WAL checkpointer failed; SQLite checkpoints on commit again: ${err.message}`);
      onFailure();
    });
  }

  /** One checkpoint now (tests and diagnostics). */
  checkpointNow(): Promise<CheckpointResult> {
    return this.ask('now').then((m) => m.result as CheckpointResult);
  }

  /** A last TRUNCATE checkpoint, then the worker's connection closes; call after the application's connection closed. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    try {
      await this.ask('stop');
    } catch (err) {
      this.logger.error(`final WAL checkpoint failed: ${err instanceof Error ? err.message : String(err)}`);
    }
    await this.worker.terminate();
  }

  private ask(message: 'now' | 'stop'): Promise<{ result?: unknown; stopped?: boolean }> {
    return new Promise((resolve, reject) => {
      const onMessage = (m: { result?: unknown; stopped?: boolean }) => {
        this.worker.off('error', reject);
        resolve(m);
      };
      this.worker.once('message', onMessage);
      this.worker.once('error', reject);
      this.worker.postMessage(message);
    });
  }
}
