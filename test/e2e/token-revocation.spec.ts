/**
 * Session tokens revoked before they expire, through real HTTP and sockets: logout (HTTP and socket)
 * revokes one token, an admin revokes all of a player's, a password change all but the new one.
 * A revoked token is refused at the handshake and with 401 over HTTP, sockets already signed in with it
 * are told and disconnected, and the revocation survives a restart.
 */
import type { AttemptView, LogoutResponse, SessionResponse, SessionRevokedPush } from '../../src/game/protocol/messages';
import { connectAs, TEST_PASSWORD } from '../support/accounts';
import { call, connect, nextPush, send, type TestSocket } from '../support/socket-client';
import { AppHarness } from '../support/app-harness';
import { http as httpTo } from '../support/http';
import { MANUAL_TICKER } from '../support/test-app';
import { freshDatabaseUrl } from '../support/test-database';

const SCENARIO = 'imagepull-wrong-tag';

describe('e2e: token revocation', () => {
  const h = new AppHarness();



  afterEach(() => h.close());

  const http = (method: string, path: string, token?: string, body?: unknown) => httpTo(h.app!.url, method, path, token, body);

  async function login(name: string, password = TEST_PASSWORD): Promise<SessionResponse> {
    const res = await http('POST', '/api/auth/login', undefined, { name, password });
    expect(res.status).toBe(200);
    return res.body as unknown as SessionResponse;
  }

  /** Resolves with the session:revoked message once the server disconnected the socket. */
  function revokedAndDisconnected(socket: TestSocket): Promise<string> {
    const revoked = nextPush<SessionRevokedPush>(socket, 'session:revoked');
    const disconnected = new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
    return Promise.all([revoked, disconnected]).then(([push, reason]) => {
      expect(reason).toBe('io server disconnect');
      return push.message;
    });
  }

  it('logs one session out over HTTP: that token is refused everywhere, even after a restart; the others work', async () => {
    const databaseUrl = freshDatabaseUrl();
    await h.start({ databaseUrl, env: MANUAL_TICKER });
    const { socket: registered } = await connectAs(h.app!.url, 'dana');
    h.adopt(registered);
    const laptop = await login('dana');
    const phone = await login('dana');
    const laptopSocket = await h.open(laptop.token);
    const phoneSocket = await h.open(phone.token);
    const { attemptId } = await call<AttemptView>(laptopSocket, 'attempt:start', { scenarioId: SCENARIO });

    const ended = revokedAndDisconnected(laptopSocket);
    expect(await http('POST', '/api/auth/logout', laptop.token)).toEqual({ status: 204, body: {} });
    expect(await ended).toMatch(/logged out; log in again/);

    const refused = await http('GET', `/api/attempts/${attemptId}/replay`, laptop.token);
    expect(refused).toEqual({ status: 401, body: { statusCode: 401, error: 'UNAUTHENTICATED', message: 'the session token was revoked (logged out); log in again' } });
    await expect(connect(h.app!.url, { token: laptop.token })).rejects.toThrow(/invalid session token: the session token was revoked \(logged out\)/);
    expect(await http('POST', '/api/auth/logout', laptop.token)).toMatchObject({ status: 401 });
    // The phone's session is another token: untouched, on the socket and over HTTP.
    expect(phoneSocket.connected).toBe(true);
    expect((await call<AttemptView>(phoneSocket, 'attempt:resume', { attemptId })).attemptId).toBe(attemptId);
    expect(await http('GET', `/api/attempts/${attemptId}/replay`, phone.token)).toMatchObject({ status: 200 });

    await h.close();
    await h.start({ databaseUrl, env: MANUAL_TICKER });
    expect(await http('GET', `/api/attempts/${attemptId}/replay`, laptop.token)).toMatchObject({ status: 401, body: { error: 'UNAUTHENTICATED' } });
    await expect(connect(h.app!.url, { token: laptop.token })).rejects.toThrow(/revoked/);
    expect(await http('GET', `/api/attempts/${attemptId}/replay`, phone.token)).toMatchObject({ status: 200 });
  });

  it('logs out over the socket: the socket is signed out, other sockets on the same token are disconnected', async () => {
    await h.start({ databaseUrl: freshDatabaseUrl(), env: MANUAL_TICKER });
    const { socket, session } = await connectAs(h.app!.url, 'erin');
    h.adopt(socket);
    const sameToken = await h.open(session.token);
    const other = await login('erin');
    const otherSocket = await h.open(other.token);

    const ended = revokedAndDisconnected(sameToken);
    expect(await call<LogoutResponse>(socket, 'player:logout', {})).toEqual({ revoked: true });
    expect(await ended).toMatch(/logged out/);
    // Still connected, but signed out.
    expect(socket.connected).toBe(true);
    expect(await send(socket, 'attempt:start', { scenarioId: SCENARIO })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await send(socket, 'player:logout', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    await expect(connect(h.app!.url, { token: session.token })).rejects.toThrow(/revoked/);
    expect(await http('POST', '/api/auth/logout', session.token)).toMatchObject({ status: 401 });
    // Signing in again on the same socket works; the other login was never touched.
    await call<SessionResponse>(socket, 'player:login', { name: 'erin', password: TEST_PASSWORD });
    await call<AttemptView>(socket, 'attempt:start', { scenarioId: SCENARIO });
    expect(otherSocket.connected).toBe(true);
    await call<AttemptView>(otherSocket, 'attempt:start', { scenarioId: SCENARIO });
  });

  it('lets an admin revoke every session of a player; a learner may not', async () => {
    await h.start({ databaseUrl: freshDatabaseUrl(), env: MANUAL_TICKER });
    const admin = await connectAs(h.app!.url, 'root');
    const frank = await connectAs(h.app!.url, 'frank');
    h.adopt(admin.socket, frank.socket);
    const second = await login('frank');
    const secondSocket = await h.open(second.token);

    expect(await http('POST', '/api/admin/players/root/revoke', frank.session.token)).toMatchObject({ status: 403, body: { error: 'FORBIDDEN' } });
    expect(await http('POST', '/api/admin/players/nobody/revoke', admin.session.token)).toMatchObject({ status: 404, body: { error: 'PLAYER_NOT_FOUND' } });

    const endedFirst = revokedAndDisconnected(frank.socket);
    const endedSecond = revokedAndDisconnected(secondSocket);
    expect(await http('POST', '/api/admin/players/frank/revoke', admin.session.token)).toEqual({
      status: 200,
      body: { playerId: frank.session.playerId, name: 'frank', revoked: true },
    });
    expect(await endedFirst).toMatch(/every session of this player was revoked/);
    expect(await endedSecond).toMatch(/every session of this player was revoked/);
    for (const token of [frank.session.token, second.token]) {
      expect(await http('POST', '/api/auth/logout', token)).toMatchObject({ status: 401, body: { message: expect.stringMatching(/revoked \(signed out everywhere/) } });
      await expect(connect(h.app!.url, { token })).rejects.toThrow(/revoked/);
    }
    // The admin's own sessions are untouched; frank can log in again with a fresh token.
    expect(admin.socket.connected).toBe(true);
    const fresh = await login('frank');
    await call<AttemptView>(await h.open(fresh.token), 'attempt:start', { scenarioId: SCENARIO });
  });

  it('revokes every other session on a password change and answers with a fresh token', async () => {
    await h.start({ databaseUrl: freshDatabaseUrl(), env: MANUAL_TICKER });
    const gail = await connectAs(h.app!.url, 'gail');
    h.adopt(gail.socket);
    const other = await login('gail');
    const next = 'a-much-better-passphrase';

    expect(await http('POST', '/api/auth/password', gail.session.token, { current: 'wrong-password', next })).toMatchObject({
      status: 403,
      body: { error: 'FORBIDDEN', message: 'the current password is wrong' },
    });
    expect(await http('POST', '/api/auth/password', gail.session.token, { current: TEST_PASSWORD, next: 'short' })).toMatchObject({ status: 400 });
    expect(await http('POST', '/api/auth/password', undefined, { current: TEST_PASSWORD, next })).toMatchObject({ status: 401 });

    const ended = revokedAndDisconnected(gail.socket);
    const changed = await http('POST', '/api/auth/password', other.token, { current: TEST_PASSWORD, next });
    expect(changed).toMatchObject({ status: 200, body: { playerId: gail.session.playerId, name: 'gail', token: expect.any(String) } });
    const fresh = changed.body as unknown as SessionResponse;
    await ended;
    // Both earlier tokens are revoked, the one that asked included; the fresh one works.
    for (const token of [gail.session.token, other.token]) expect(await http('POST', '/api/auth/logout', token)).toMatchObject({ status: 401 });
    await call<AttemptView>(await h.open(fresh.token), 'attempt:start', { scenarioId: SCENARIO });
    expect(await http('POST', '/api/auth/login', undefined, { name: 'gail', password: TEST_PASSWORD })).toMatchObject({ status: 401 });
    await login('gail', next);
  });
});
