import type { GameClient } from './api';
import type { Identity } from './identity';

/** What every page needs: the connection and who is signed in. */
export interface AppContext {
  client: GameClient;
  me(): Identity | null;
}
