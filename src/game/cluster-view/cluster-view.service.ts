import { Injectable } from '@nestjs/common';
import type { ClusterView } from '../../scenarios/session.types';
import { AttemptLoader } from '../attempts/attempt-loader.service';
import type { LiveAttempt } from '../attempts/live-attempt';
import { GameError, GameErrorCode } from '../errors/game-error';
import type { ClusterDescribeResponse } from '../protocol/cluster-view.messages';
import { PushService } from '../transport/push.service';

/** The last view pushed for an attempt, and its JSON (to compare the next one with). */
interface Pushed {
  view: ClusterView;
  json: string;
}

/** The live cluster view of an attempt: pushed to its owner when it changed, and `describe` of what they click. */
@Injectable()
export class ClusterViewService {
  /** Keyed by the live attempt object, so a finished attempt's entry goes with it. */
  private readonly pushed = new WeakMap<LiveAttempt, Pushed>();

  constructor(
    private readonly loader: AttemptLoader,
    private readonly push: PushService,
  ) {}

  /** After a tick or a command: push only when the view differs from the last one pushed. */
  pushIfChanged(live: LiveAttempt): void {
    const view = live.session.clusterView();
    const last = this.pushed.get(live);
    // Sessions hand back the same object while their store is unchanged: most ticks stop here.
    if (last?.view === view) return;
    const json = JSON.stringify(view);
    this.pushed.set(live, { view, json });
    if (last?.json === json) return;
    this.push.clusterView({ attemptId: live.id, view });
  }

  /** On start and resume: the client has nothing drawn yet. */
  pushNow(live: LiveAttempt): void {
    const view = live.session.clusterView();
    this.pushed.set(live, { view, json: JSON.stringify(view) });
    this.push.clusterView({ attemptId: live.id, view });
  }

  async pushFor(playerId: string, attemptId: string): Promise<void> {
    this.pushNow(await this.loader.require(playerId, attemptId));
  }

  async describe(playerId: string, attemptId: string, kind: string, namespace: string | undefined, name: string): Promise<ClusterDescribeResponse> {
    const live = await this.loader.require(playerId, attemptId);
    try {
      return { text: live.session.describe(kind, namespace, name) };
    } catch (err) {
      // kubectl's own words: `Error from server (NotFound): pods "web" not found`.
      if (err instanceof RangeError) throw new GameError(GameErrorCode.BadRequest, err.message);
      throw err;
    }
  }
}
