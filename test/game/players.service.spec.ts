/** Registration and login against a real temporary SQLite file. */
import { GameErrorCode } from '../../src/game/errors/game-error';
import { PlayersRepository } from '../../src/game/persistence/players.repository';
import { PlayersService } from '../../src/game/players/players.service';
import { createFakeCatalog } from '../support/fake-catalog';
import { MANUAL_TICKER, startTestApp, type TestApp } from '../support/test-app';
import { freshDatabaseUrl } from '../support/test-database';

describe('PlayersService (real SQLite)', () => {
  let testApp: TestApp;

  beforeEach(async () => {
    testApp = await startTestApp({ databaseUrl: freshDatabaseUrl(), catalog: createFakeCatalog(), listen: false, env: MANUAL_TICKER });
  });

  afterEach(async () => {
    await testApp.app.close();
  });

  it('issues a 32-byte base64url token and stores only its scrypt hash', async () => {
    const players = testApp.app.get(PlayersService);
    const { playerId, token } = await players.register('alice');
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await testApp.app.get(PlayersRepository).findByName('alice');
    expect(stored?.tokenHash).toMatch(/^scrypt\$/);
    expect(stored?.tokenHash).not.toContain(token);
    await expect(players.login('alice', token)).resolves.toEqual({ playerId, name: 'alice' });
    await expect(players.authenticate(playerId, token)).resolves.toEqual({ playerId, name: 'alice' });
  });

  it('rejects a taken name, a wrong token and an unknown player', async () => {
    const players = testApp.app.get(PlayersService);
    const { playerId } = await players.register('alice');
    await expect(players.register('alice')).rejects.toMatchObject({ code: GameErrorCode.NameTaken });
    await expect(players.login('alice', 'wrong')).rejects.toMatchObject({ code: GameErrorCode.InvalidCredentials });
    await expect(players.login('bob', 'wrong')).rejects.toMatchObject({ code: GameErrorCode.InvalidCredentials });
    await expect(players.authenticate(playerId, '')).rejects.toMatchObject({ code: GameErrorCode.InvalidCredentials });
  });
});
