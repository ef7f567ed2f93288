import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { GameError, GameErrorCode } from '../errors/game-error';
import type { AuthoringCheck, ValidationJobMessage, ValidationWorkerMessage } from './validation.worker';

export interface ValidationPoolConfig {
  /** worker threads (default: one per core but one, at least 1) */
  size: number;
  /** wall-clock budget of one validation, from the moment a worker takes it */
  timeoutMs: number;
  /** validations waiting for a worker before new ones are refused */
  maxQueue: number;
}

export function validationPoolConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ValidationPoolConfig {
  const positive = (name: string, fallback: number): number => {
    const value = Number(env[name]);
    return Number.isInteger(value) && value > 0 ? value : fallback;
  };
  return {
    size: positive('CRASHLOOP_VALIDATION_WORKERS', Math.max(1, availableParallelism() - 1)),
    timeoutMs: positive('CRASHLOOP_VALIDATION_TIMEOUT_MS', 20_000),
    maxQueue: positive('CRASHLOOP_VALIDATION_QUEUE', 16),
  };
}

interface Job {
  id: number;
  text: string;
  resolve(check: AuthoringCheck): void;
  reject(err: Error): void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

/**
 * Validation by simulation is CPU-bound (seconds of virtual cluster time per upload): it runs in a small
 * pool of worker threads so the game's ticks and sockets never wait for it. A validation that overruns
 * its budget has its worker terminated (and replaced) and is reported as timed out.
 */
@Injectable()
export class ValidationPool implements OnApplicationShutdown {
  private readonly logger = new Logger(ValidationPool.name);
  private readonly slots = new Set<Slot>();
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;
  private readonly config = validationPoolConfigFromEnv();

  validate(text: string): Promise<AuthoringCheck> {
    if (this.closed) return Promise.reject(new GameError(GameErrorCode.Internal, 'the server is shutting down'));
    if (this.queue.length >= this.config.maxQueue) {
      return Promise.reject(new GameError(GameErrorCode.RateLimited, `${this.queue.length} scenarios are waiting for validation; try again in a moment`));
    }
    return new Promise<AuthoringCheck>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, text, resolve, reject });
      this.pump();
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new GameError(GameErrorCode.Internal, 'the server is shutting down'));
    await Promise.all([...this.slots].map((slot) => this.retire(slot)));
  }

  private pump(): void {
    while (this.queue.length > 0) {
      const idle = [...this.slots].find((slot) => slot.ready && !slot.job);
      if (idle) {
        this.assign(idle, this.queue.shift()!);
        continue;
      }
      // Every worker busy or still starting: start another if the pool may grow, else wait.
      const starting = [...this.slots].filter((slot) => !slot.ready).length;
      if (this.slots.size < this.config.size && starting < this.queue.length) this.spawn();
      else return;
    }
  }

  private assign(slot: Slot, job: Job): void {
    slot.job = job;
    slot.timer = setTimeout(() => {
      slot.job = null;
      job.resolve(timedOut(this.config.timeoutMs));
      void this.retire(slot).then(() => this.pump());
    }, this.config.timeoutMs);
    slot.worker.postMessage({ id: job.id, text: job.text } satisfies ValidationJobMessage);
  }

  private spawn(): void {
    const slot: Slot = { worker: startWorker(), ready: false, job: null, timer: null };
    this.slots.add(slot);
    slot.worker.on('message', (message: ValidationWorkerMessage) => {
      if ('ready' in message) {
        slot.ready = true;
      } else if (slot.job?.id === message.id) {
        const job = slot.job;
        this.finish(slot);
        if ('check' in message) job.resolve(message.check);
        else job.resolve(crashed(message.error));
      }
      this.pump();
    });
    slot.worker.on('error', (err) => this.logger.error(`validation worker failed: ${err.stack ?? err.message}`));
    slot.worker.on('exit', (code) => {
      const job = slot.job;
      const wasReady = slot.ready;
      this.finish(slot);
      this.slots.delete(slot);
      if (this.closed) return;
      if (job) job.resolve(crashed(`the validator stopped (exit code ${code}); the scenario may need too much memory`));
      if (!wasReady) {
        // The worker could not even load: fail what waits rather than respawning in a loop.
        for (const waiting of this.queue.splice(0)) waiting.reject(new GameError(GameErrorCode.Internal, 'the scenario validator could not start; it was logged'));
        return;
      }
      this.pump();
    });
  }

  private finish(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
  }

  private async retire(slot: Slot): Promise<void> {
    this.finish(slot);
    this.slots.delete(slot);
    await slot.worker.terminate();
  }
}

/**
 * The built server runs dist/…/validation.worker.js; tests and `ts-node` run from src/, where the worker
 * registers ts-node (transpile only) before loading the .ts entry.
 */
function startWorker(): Worker {
  const options = { resourceLimits: { maxOldGenerationSizeMb: 512 } };
  if (__filename.endsWith('.js')) return new Worker(join(__dirname, 'validation.worker.js'), options);
  const entry = join(__dirname, 'validation.worker.ts');
  const project = resolve(__dirname, '..', '..', '..', 'tsconfig.json');
  const bootstrap = `require('ts-node').register({ transpileOnly: true, project: ${JSON.stringify(project)} }); require(${JSON.stringify(entry)});`;
  return new Worker(bootstrap, { ...options, eval: true });
}

function timedOut(timeoutMs: number): AuthoringCheck {
  const budget = timeoutMs >= 1000 ? `${Math.round(timeoutMs / 100) / 10}s` : `${timeoutMs}ms`;
  return { ok: false, steps: [], errors: [{ message: `validation timed out after ${budget}: the simulation did not finish within its budget (shorten parSeconds, the solution's waits or the cluster, then upload again)` }] };
}

function crashed(message: string): AuthoringCheck {
  return { ok: false, steps: [], errors: [{ message: `the validator failed: ${message}` }] };
}
