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
    return this.mutex.run(live.id, async () => {
      const entries = live.session.timelineSince(live.timelineCursor);
      if (entries.length === 0) return;
      await this.timeline.append(live.id, entries);
      live.timelineCursor = entries[entries.length - 1].seq;
      // Acknowledge at once, so the snapshot written next does not carry what is stored already.
      live.session.timelineSince(live.timelineCursor);
    });
  }

  /** The `seq` of the last entry recorded so far (stored or not), without storing anything: orders a command among them. */
  lastRecordedSeq(live: LiveAttempt): number {
    return live.session.timelineSeq(live.timelineCursor);
  }
}
