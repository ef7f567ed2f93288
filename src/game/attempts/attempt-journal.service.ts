import { Injectable } from '@nestjs/common';
import type { CommandResult } from '../../scenarios/session.types';
import { CommandLogsRepository } from '../persistence/command-logs.repository';
import { AttemptTimelineService } from '../replays/attempt-timeline.service';
import { PushService } from '../transport/push.service';
import type { LiveAttempt } from './live-attempt';

/** Where a step starts: the attempt's virtual time and the last timeline entry before it. */
export interface StepStart {
  virtualMs: number;
  timelineSeq: number;
}

/**
 * What an attempt leaves besides its snapshot: one command-log entry per step (a typed command, a
 * `kubectl edit` save, a write through the Kubernetes API), shown live on its event's feed, and the
 * cluster timeline. One place, so every kind of step is logged and ordered the same way.
 */
@Injectable()
export class AttemptJournal {
  constructor(
    private readonly logs: CommandLogsRepository,
    private readonly timeline: AttemptTimelineService,
    private readonly push: PushService,
  ) {}

  /** Read before the step runs: places its entry among the cluster's changes. */
  stepStart(live: LiveAttempt): StepStart {
    return { virtualMs: live.session.progress().elapsedMs, timelineSeq: this.timeline.lastRecordedSeq(live) };
  }

  /** Logs a step that ran (queued: see CommandLogsRepository) and shows it to the event's instructors. */
  recordStep(live: LiveAttempt, start: StepStart, command: string, { stdout, stderr, exitCode }: Pick<CommandResult, 'stdout' | 'stderr' | 'exitCode'>): void {
    const { virtualMs, timelineSeq } = start;
    const seq = live.nextSeq++;
    this.logs.append({ attemptId: live.id, seq, command, stdout, stderr, exitCode, virtualMs, timelineSeq });
    if (live.eventId === null) return;
    this.push.eventCommand({
      eventId: live.eventId,
      attemptId: live.id,
      playerId: live.playerId,
      playerName: live.playerName,
      scenarioId: live.scenarioId,
      seq,
      command,
      stdout,
      stderr,
      exitCode,
      virtualMs,
    });
  }

  /** An attempt that ends (solved, abandoned, expired): its command log and timeline are stored before its final state. */
  async flushFinal(live: LiveAttempt): Promise<void> {
    await this.logs.flush();
    await this.timeline.flush(live);
  }
}
