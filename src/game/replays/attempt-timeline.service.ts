import { Injectable } from '@nestjs/common';
import { KeyedMutex } from '../attempts/keyed-mutex';
import type { LiveAttempt } from '../attempts/live-attempt';
import { TimelineRepository } from '../persistence/timeline.repository';

/**
 * Moves a live attempt's cluster timeline from its session into SQLite. Called before every snapshot
 * write (periodic, solve, abandon, expiry) and before a replay is read, so rows go in batches and the
 * stored timeline never lags the stored snapshot.
 */
@Injectable()
export class AttemptTimelineService {
  /** One flush per attempt at a time: two at once would both store the entries after the same cursor. */
  private readonly mutex = new KeyedMutex();

  constructor(private readonly timeline: TimelineRepository) {}

  flush(live: LiveAttempt): Promise<void> {
    return this.flushMany([live]);
  }

  /** Several attempts' timelines in one write (the snapshot pass); give them in the registry's order. */
  flushMany(lives: readonly LiveAttempt[]): Promise<void> {
    return this.mutex.runAll(
      lives.map((live) => live.id),
      async () => {
        const pending = lives.map((live) => ({ live, entries: live.session.timelineSince(live.timelineCursor) })).filter((p) => p.entries.length > 0);
        if (pending.length === 0) return;
        await this.timeline.appendMany(pending.map(({ live, entries }) => ({ attemptId: live.id, entries })));
        for (const { live, entries } of pending) {
          live.timelineCursor = entries[entries.length - 1].seq;
          // Acknowledge at once, so the snapshot written next does not carry what is stored already.
          live.session.timelineSince(live.timelineCursor);
        }
      },
    );
  }

  /** The `seq` of the last entry recorded so far (stored or not), without storing anything: orders a command among them. */
  lastRecordedSeq(live: LiveAttempt): number {
    return live.session.timelineSeq(live.timelineCursor);
  }
}
