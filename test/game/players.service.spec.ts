/** Accounts, guests and session tokens against a real temporary SQLite file. */
import { PlayersService } from '../../src/game/auth/players.service';
import { SERVER_SECRET } from '../../src/game/auth/server-secret';
import { signSession } from '../../src/game/auth/session-token';
import { GameErrorCode } from '../../src/game/errors/game-error';
import { PlayersRepository } from '../../src/game/persistence/players.repository';
import { createFakeCatalog } from '../support/fake-catalog';
import { MANUAL_TICKER, startTestApp, type TestApp } from '../support/test-app';
import { freshDatabaseUrl } from '../support/test-database';

describe('PlayersService (real SQLite)', () => {
  let testApp: TestApp;
  const players = (): PlayersService => testApp.app.get(PlayersService);

  beforeEach(async () => {
    testApp = await startTestApp({ databaseUrl: freshDatabaseUrl(), catalog: createFakeCatalog(), listen: false, env: { ...MANUAL_TICKER, CRASHLOOP_ADMINS: 'root' } });
  });

  afterEach(async () => {
    await testApp.app.close();
  });

  it('stores only a salted scrypt hash of the password and signs a session token', async () => {
    const session = await players().register('alice', 'correct horse');
    expect(session).toMatchObject({ name: 'alice', role: 'admin', guest: false });
    const stored = await testApp.app.get(PlayersRepository).findByName('alice');
    expect(stored?.passwordHash).toMatch(/^scrypt\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(stored?.passwordHash).not.toContain('correct horse');
    const again = await players().register('alicia', 'correct horse');
    expect((await testApp.app.get(PlayersRepository).findByName('alicia'))?.passwordHash).not.toBe(stored?.passwordHash);
    expect(again.role).toBe('learner');

    const login = await players().login('alice', 'correct horse');
    expect(login.playerId).toBe(session.playerId);
    await expect(players().authenticate(login.token)).resolves.toEqual({ playerId: session.playerId, name: 'alice', role: 'admin', guest: false });
  });

  it('makes the first account and the configured names admins, everyone else a learner', async () => {
    await players().guest(); // a guest is not an account
    expect((await players().register('first', 'password-1')).role).toBe('admin');
    expect((await players().register('second', 'password-1')).role).toBe('learner');
    expect((await players().register('root', 'password-1')).role).toBe('admin');
    expect((await players().setRole('second', 'instructor')).role).toBe('instructor');
    await expect(players().setRole('nobody', 'admin')).rejects.toMatchObject({ code: GameErrorCode.PlayerNotFound });
  });

  it('rejects a taken name, a wrong password, an unknown player, a forged, expired or tampered token', async () => {
    const { playerId, token } = await players().register('alice', 'password-1');
    await expect(players().register('alice', 'password-2')).rejects.toMatchObject({ code: GameErrorCode.NameTaken });
    await expect(players().login('alice', 'wrong-password')).rejects.toMatchObject({ code: GameErrorCode.InvalidCredentials });
    await expect(players().login('bob', 'password-1')).rejects.toMatchObject({ code: GameErrorCode.InvalidCredentials });

    const secret = testApp.app.get<Buffer>(SERVER_SECRET);
    const expired = signSession({ sub: playerId, exp: Date.now() - 1 }, secret);
    const forged = signSession({ sub: playerId, exp: Date.now() + 60_000 }, Buffer.from('not the server secret'));
    const [payload, signature] = token.split('.');
    const tampered = `${Buffer.from(JSON.stringify({ sub: 'someone-else', exp: Date.now() + 60_000 })).toString('base64url')}.${signature}`;
    const unknown = signSession({ sub: 'no-such-player', exp: Date.now() + 60_000 }, secret);
    for (const bad of [expired, forged, tampered, unknown, `${payload}.`, 'garbage', '']) {
      await expect(players().authenticate(bad)).rejects.toMatchObject({ code: GameErrorCode.Unauthenticated });
    }
  });

  it('lets a guest claim an account, keeping its id; guests cannot log in by name', async () => {
    const guest = await players().guest();
    expect(guest).toMatchObject({ guest: true, role: 'learner', name: expect.stringMatching(/^guest-[0-9a-f]{8}$/) });
    await expect(players().login(guest.name, 'anything-at-all')).rejects.toMatchObject({ code: GameErrorCode.InvalidCredentials });
    await players().register('taken', 'password-1');
    await expect(players().claim(guest.playerId, 'taken', 'password-1')).rejects.toMatchObject({ code: GameErrorCode.NameTaken });
    const claimed = await players().claim(guest.playerId, 'gwen', 'password-1');
    expect(claimed).toMatchObject({ playerId: guest.playerId, name: 'gwen', guest: false, role: 'learner' });
    await expect(players().claim(guest.playerId, 'gwen2', 'password-1')).rejects.toMatchObject({ code: GameErrorCode.BadRequest });
    expect((await players().login('gwen', 'password-1')).playerId).toBe(guest.playerId);
  });
});
