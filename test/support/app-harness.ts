import { connect, type TestSocket } from './socket-client';
import { startTestApp, type TestApp, type TestAppOptions } from './test-app';

/**
 * One running test app and the sockets opened to it, closed together: after each test, and mid-test to
 * restart the server on the same SQLite file (closing flushes snapshots and logs, as a shutdown does).
 */
export class AppHarness {
  app: TestApp | undefined;
  private readonly sockets: TestSocket[] = [];

  async start(options: TestAppOptions): Promise<TestApp> {
    this.app = await startTestApp(options);
    return this.app;
  }

  async open(token?: string): Promise<TestSocket> {
    const socket = await connect(this.app!.url, token === undefined ? undefined : { token });
    this.sockets.push(socket);
    return socket;
  }

  /** Sockets connected elsewhere (e.g. by `connectAs`) that should close with the app. */
  adopt(...sockets: TestSocket[]): void {
    this.sockets.push(...sockets);
  }

  async close(): Promise<void> {
    for (const socket of this.sockets.splice(0)) socket.close();
    await this.app?.app.close();
    this.app = undefined;
  }
}
