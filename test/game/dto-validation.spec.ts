/** Request DTOs through the gateway's pipe (and the HTTP query DTO through Nest's pipe), table-driven. */
import { ArgumentMetadata, BadRequestException, ValidationPipe } from '@nestjs/common';
import { WsException } from '@nestjs/websockets';
import { toAckError } from '../../src/game/errors/error-mapper';
import { LeaderboardQueryDto } from '../../src/game/leaderboard/leaderboard-query.dto';
import { AttemptRefDto, StartAttemptDto } from '../../src/game/protocol/attempt.dto';
import { RunCommandDto } from '../../src/game/protocol/command.dto';
import { TakeHintDto } from '../../src/game/protocol/hint.dto';
import { AnswerQuizDto, SubmitDiagnosisDto } from '../../src/game/protocol/diagnosis.dto';
import { CreateEventDto, JoinEventDto } from '../../src/game/protocol/event.dto';
import { LoginPlayerDto, RegisterPlayerDto } from '../../src/game/protocol/player.dto';
import { ChangePasswordDto } from '../../src/game/protocol/password.dto';
import { QuizRoundAnswerDto, QuizRoundRefDto, QuizRoundStartDto } from '../../src/game/protocol/quiz-round.dto';
import { WsValidationPipe } from '../../src/game/transport/ws-validation.pipe';

const pipe = new WsValidationPipe();
const body = (metatype: ArgumentMetadata['metatype']): ArgumentMetadata => ({ type: 'body', metatype });

async function ackErrorOf(metatype: ArgumentMetadata['metatype'], value: unknown): Promise<string> {
  try {
    await pipe.transform(value, body(metatype));
  } catch (err) {
    expect(err).toBeInstanceOf(WsException);
    const error = toAckError(err);
    expect(error.code).toBe('BAD_REQUEST');
    return error.message;
  }
  throw new Error('expected a validation error');
}

describe('socket request DTOs', () => {
  it.each([
    ['register: 3 to 32 chars', RegisterPlayerDto, { name: 'abc', password: 'password' }],
    ['register: 32 chars of the allowed set', RegisterPlayerDto, { name: 'A-b_9'.repeat(6) + 'xy', password: 'password' }],
    ['login', LoginPlayerDto, { name: 'alice', password: 'password' }],
    ['start in an event', StartAttemptDto, { scenarioId: 'imagepull-wrong-tag', eventId: 'e1' }],
    ['diagnosis', SubmitDiagnosisDto, { attemptId: 'a1', object: 'pod/web', reason: 'ImagePullBackOff', cause: 'wrong-tag' }],
    ['quiz answer', AnswerQuizDto, { attemptId: 'a1', questionId: 'q1', choices: [0, 2] }],
    ['event join', JoinEventDto, { code: 'ABC234' }],
    ['event create', CreateEventDto, { name: 'Friday race', scenarioIds: ['imagepull-wrong-tag'], startsAt: '2026-11-25T10:00:00Z', endsAt: '2026-11-25T12:00:00Z' }],
    ['start', StartAttemptDto, { scenarioId: 'imagepull-wrong-tag' }],
    ['attempt ref', AttemptRefDto, { attemptId: 'a1' }],
    ['command: empty line is fine', RunCommandDto, { attemptId: 'a1', command: '' }],
    ['command: exactly 64 KiB', RunCommandDto, { attemptId: 'a1', command: 'x'.repeat(65536) }],
    ['hint', TakeHintDto, { attemptId: 'a1', index: 0 }],
    ['quiz round: defaults', QuizRoundStartDto, {}],
    ['quiz round: topic and size', QuizRoundStartDto, { topic: 'probes', size: 20 }],
    ['quiz round answer', QuizRoundAnswerDto, { roundId: 'r1', questionId: 'q1', choices: [1, 3] }],
    ['quiz round finish', QuizRoundRefDto, { roundId: 'r1' }],
    ['password change', ChangePasswordDto, { current: 'old', next: 'a-new-password' }],
  ])('accepts %s', async (_name, metatype, value) => {
    await expect(pipe.transform(value, body(metatype))).resolves.toBeInstanceOf(metatype);
  });

  it('reports one problem per field', async () => {
    expect(await ackErrorOf(RegisterPlayerDto, { name: 42, password: 'password' })).toBe('name must be a string');
    const both = (await ackErrorOf(TakeHintDto, { index: 'x' })).split('; ').sort();
    expect(both).toEqual(['attemptId must be a string', 'index must be an integer number']);
  });

  it.each([
    ['register: too short', RegisterPlayerDto, { name: 'ab' }, /name must be longer than or equal to 3 characters/],
    ['register: too long', RegisterPlayerDto, { name: 'a'.repeat(33) }, /name must be shorter than or equal to 32 characters/],
    ['register: bad characters', RegisterPlayerDto, { name: 'al ice' }, /name may only contain letters, digits, "_" and "-"/],
    ['register: not a string', RegisterPlayerDto, { name: 5 }, /name must be a string/],
    ['register: unknown field', RegisterPlayerDto, { name: 'alice', role: 'admin' }, /property role should not exist/],
    ['login: missing password', LoginPlayerDto, { name: 'alice' }, /password must be a string/],
    ['register: short password', RegisterPlayerDto, { name: 'alice', password: 'short' }, /password must be at least 8 characters/],
    ['quiz: choices not integers', AnswerQuizDto, { attemptId: 'a1', questionId: 'q1', choices: ['a'] }, /each value in choices must be an integer number/],
    ['quiz: choices not an array', AnswerQuizDto, { attemptId: 'a1', questionId: 'q1', choices: 1 }, /choices must be an array/],
    ['diagnosis: missing cause', SubmitDiagnosisDto, { attemptId: 'a1', object: 'pod/web', reason: 'X' }, /cause must be a string/],
    ['event: no scenarios', CreateEventDto, { name: 'x', scenarioIds: [], startsAt: '2026-11-25T10:00:00Z', endsAt: '2026-11-25T12:00:00Z' }, /scenarioIds should not be empty/],
    ['event: bad time', CreateEventDto, { name: 'x', scenarioIds: ['s'], startsAt: 'tomorrow', endsAt: '2026-11-25T12:00:00Z' }, /startsAt must be a valid ISO 8601 date string/],
    ['start: empty id', StartAttemptDto, { scenarioId: '' }, /scenarioId should not be empty/],
    ['command: over 64 KiB', RunCommandDto, { attemptId: 'a', command: 'x'.repeat(65537) }, /command must be at most 65536 characters/],
    ['command: missing attempt', RunCommandDto, { command: 'ls' }, /attemptId must be a string/],
    ['hint: fractional index', TakeHintDto, { attemptId: 'a', index: 1.5 }, /index must be an integer number/],
    ['hint: numeric string', TakeHintDto, { attemptId: 'a', index: '1' }, /index must be an integer number/],
    ['quiz round: size 0', QuizRoundStartDto, { size: 0 }, /size must not be less than 1/],
    ['quiz round: size over 20', QuizRoundStartDto, { size: 21 }, /size must not be greater than 20/],
    ['quiz round: fractional size', QuizRoundStartDto, { size: 2.5 }, /size must be a whole number/],
    ['quiz round: empty topic', QuizRoundStartDto, { topic: '' }, /topic should not be empty/],
    ['quiz round answer: negative choice', QuizRoundAnswerDto, { roundId: 'r', questionId: 'q', choices: [-1] }, /each value in choices must not be less than 0/],
    ['quiz round answer: missing round', QuizRoundAnswerDto, { questionId: 'q', choices: [0] }, /roundId must be a string/],
    ['quiz round finish: unknown field', QuizRoundRefDto, { roundId: 'r', score: 1000 }, /property score should not exist/],
    ['password change: short', ChangePasswordDto, { current: 'old', next: 'short' }, /the new password must be at least 8 characters/],
    ['payload: a string', StartAttemptDto, 'imagepull-wrong-tag', /expected a JSON object as the message payload, got a string/],
    ['payload: an array', StartAttemptDto, [{ scenarioId: 'x' }], /got several arguments or an array/],
    ['payload: null', StartAttemptDto, null, /got null/],
    ['payload: missing', StartAttemptDto, undefined, /got nothing/],
  ])('rejects %s', async (_name, metatype, value, message) => {
    expect(await ackErrorOf(metatype, value)).toMatch(message);
  });
});

describe('LeaderboardQueryDto (HTTP, global ValidationPipe)', () => {
  const httpPipe = new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, stopAtFirstError: true });
  const query: ArgumentMetadata = { type: 'query', metatype: LeaderboardQueryDto };

  it('applies defaults and converts numbers', async () => {
    await expect(httpPipe.transform({}, query)).resolves.toEqual({ limit: 20, offset: 0 });
    await expect(httpPipe.transform({ limit: '5', offset: '10', scenarioId: 's' }, query)).resolves.toEqual({ limit: 5, offset: 10, scenarioId: 's' });
    await expect(httpPipe.transform({ track: 't', week: '2026-W48', eventId: 'e' }, query)).resolves.toEqual({ limit: 20, offset: 0, track: 't', week: '2026-W48', eventId: 'e' });
    await expect(httpPipe.transform({ board: 'quiz', week: '2026-W48' }, query)).resolves.toEqual({ limit: 20, offset: 0, board: 'quiz', week: '2026-W48' });
  });

  it.each([
    [{ limit: '0' }, /limit must not be less than 1/],
    [{ limit: '500' }, /limit must not be greater than 100/],
    [{ limit: 'ten' }, /limit must be a whole number/],
    [{ offset: '-3' }, /offset must not be less than 0/],
    [{ order: 'asc' }, /property order should not exist/],
    [{ week: '2026-48' }, /week must be an ISO week such as 2026-W48/],
    [{ track: '' }, /track should not be empty/],
    [{ board: 'chess' }, /board must be "scenarios" or "quiz"/],
  ])('rejects %j', async (value, message) => {
    const err = await httpPipe.transform(value, query).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BadRequestException);
    const response = (err as BadRequestException).getResponse() as { message: string[] };
    expect(response.message).toHaveLength(1);
    expect(response.message[0]).toMatch(message);
  });
});
