import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import type { Cluster } from '../cluster-engine';
import { AttemptJournal } from '../game/attempts/attempt-journal.service';
import { AttemptLoader } from '../game/attempts/attempt-loader.service';
import { AttemptProgressService } from '../game/attempts/attempt-progress.service';
import { KeyedMutex } from '../game/attempts/keyed-mutex';
import type { LiveAttempt } from '../game/attempts/live-attempt';
import { K8sTokensRepository } from '../game/persistence/k8s-tokens.repository';
import { AttemptLimits } from './http/limits';
import { statusError, unauthorized } from './http/status';

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * The bridge from the Kubernetes API to attempts: bearer tokens (random, stored hashed), the live
 * attempt behind a token, and writes that are serialized per attempt, logged as `[api] VERB resource/name`
 * and followed by the same progress evaluation and pushes as a typed command.
 */
@Injectable()
export class K8sAttemptsService {
  private readonly writes = new KeyedMutex();
  readonly limits = new AttemptLimits();
  /** token hash → attempt and player, so a request costs no database read once seen. */
  private readonly tokens = new Map<string, { attemptId: string; playerId: string }>();

  constructor(
    private readonly repo: K8sTokensRepository,
    private readonly loader: AttemptLoader,
    private readonly progress: AttemptProgressService,
    private readonly journal: AttemptJournal,
  ) {}

  /** A new token for an attempt the player owns (404 otherwise); the token itself is never stored. */
  async issueToken(playerId: string, attemptId: string): Promise<string> {
    await this.loader.require(playerId, attemptId);
    const token = `crashloop-${randomBytes(32).toString('base64url')}`;
    const hash = hashToken(token);
    await this.repo.add(hash, attemptId);
    this.tokens.set(hash, { attemptId, playerId });
    return token;
  }

  /**
   * The live attempt a request may use: 401 for a missing or unknown token, 403 for a token of another
   * attempt, 403 too once the attempt is solved or abandoned. No attempt id: the token's own attempt.
   */
  async authorize(authorization: string | undefined, attemptId: string | undefined): Promise<LiveAttempt> {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) throw unauthorized();
    const hash = hashToken(match[1]);
    let owner = this.tokens.get(hash);
    if (!owner) {
      owner = await this.repo.find(hash);
      if (!owner) throw unauthorized();
      this.tokens.set(hash, owner);
    }
    // Without the /k8s/<attemptId> prefix (kubectl get --raw drops the server's path) the token decides.
    attemptId ??= owner.attemptId;
    if (owner.attemptId !== attemptId) {
      throw statusError(403, 'Forbidden', `forbidden: this token opens attempt "${owner.attemptId}", not "${attemptId}"`);
    }
    this.limits.request(attemptId);
    try {
      return await this.loader.require(owner.playerId, attemptId);
    } catch (err) {
      throw statusError(403, 'Forbidden', `forbidden: ${(err as Error).message}`);
    }
  }

  /** A read: the cluster as it is now (reads need no lock: the engine is synchronous). */
  read<T>(live: LiveAttempt, work: (cluster: Cluster) => T): T {
    return live.session.useCluster(work);
  }

  /** A write: one at a time per attempt, logged, then objectives are evaluated and progress is pushed. */
  async write<T>(live: LiveAttempt, summary: string, work: (cluster: Cluster) => T): Promise<T> {
    return this.writes.run(live.id, async () => {
      if (live.closing) throw statusError(403, 'Forbidden', `forbidden: attempt "${live.id}" is finished`);
      const start = this.journal.stepStart(live);
      let result: T | undefined;
      let failure: unknown;
      try {
        result = live.session.useCluster(work);
        live.unsavedInput = true;
      } catch (err) {
        failure = err;
      }
      const stderr = failure ? `${(failure as Error).message}\n` : '';
      this.journal.recordStep(live, start, `[api] ${summary}`, { stdout: '', stderr, exitCode: failure ? 1 : 0 });
      if (failure) throw failure;
      await this.progress.afterChange(live);
      return result as T;
    });
  }
}
