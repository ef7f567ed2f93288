import { ApiServer } from './apiserver/apiserver';
import { ObjectStore } from './store/store';
import { VirtualClock } from './clock';
import { Rng } from './rng';
import { EventRecorder } from './events/recorder';
import { ImageRegistry } from './runtime/registry';

/** What every control-plane component is handed: the API, the clock, randomness and the event recorder. */
export interface EngineContext {
  api: ApiServer;
  store: ObjectStore;
  clock: VirtualClock;
  rng: Rng;
  events: EventRecorder;
  registry: ImageRegistry;
}

/** A component advanced once per simulated second. Its state must be plain JSON (it goes into snapshots). */
export interface Component<State> {
  readonly name: string;
  step(ctx: EngineContext): void;
  state(): State;
}
