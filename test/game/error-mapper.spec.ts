import { HttpStatus } from '@nestjs/common';
import { httpStatusOf, toAckError } from '../../src/game/errors/error-mapper';
import { GameError, GameErrorCode } from '../../src/game/errors/game-error';

describe('error mapper', () => {
  it.each(Object.values(GameErrorCode))('maps %s to an HTTP status', (code) => {
    expect(Object.values(HttpStatus)).toContain(httpStatusOf(code));
  });

  it('keeps game error messages and hides everything else', () => {
    expect(toAckError(GameError.scenarioNotFound('x'))).toEqual({ code: 'SCENARIO_NOT_FOUND', message: 'scenario "x" not found' });
    const hidden = toAckError(new TypeError("Cannot read properties of undefined (reading 'x')"));
    expect(hidden.code).toBe('INTERNAL');
    expect(hidden.message).not.toMatch(/Cannot read|Internal server error/);
  });
});
