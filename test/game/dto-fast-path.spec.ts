/**
 * The pipe's shortcut for well-formed messages (DtoFastPath) against Nest's full ValidationPipe, over every
 * request DTO and a few thousand generated payloads: whatever the shortcut accepts, the full pipe accepts with
 * an equal instance; for a DTO it covers, a payload of known properties holding primitives is accepted by one
 * exactly when it is accepted by the other; and what it declines still gets the full pipe's answer.
 */
import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import * as leaderboardDtos from '../../src/game/leaderboard/leaderboard-query.dto';
import * as attemptDtos from '../../src/game/protocol/attempt.dto';
import * as authoringDtos from '../../src/game/protocol/authoring.dto';
import * as clusterDtos from '../../src/game/protocol/cluster.dto';
import * as commandDtos from '../../src/game/protocol/command.dto';
import { RunCommandDto } from '../../src/game/protocol/command.dto';
import * as diagnosisDtos from '../../src/game/protocol/diagnosis.dto';
import * as eventDtos from '../../src/game/protocol/event.dto';
import * as hintDtos from '../../src/game/protocol/hint.dto';
import * as passwordDtos from '../../src/game/protocol/password.dto';
import * as playerDtos from '../../src/game/protocol/player.dto';
import * as quizRoundDtos from '../../src/game/protocol/quiz-round.dto';
import { DtoFastPath } from '../../src/game/transport/dto-fast-path';
import { WsValidationPipe } from '../../src/game/transport/ws-validation.pipe';
import { Rng } from '../../src/cluster-engine/rng';

type Dto = new () => object;
const modules: Array<Record<string, unknown>> = [
  leaderboardDtos, attemptDtos, authoringDtos, clusterDtos, commandDtos, diagnosisDtos, eventDtos, hintDtos, passwordDtos, playerDtos, quizRoundDtos,
];
const DTOS: Dto[] = modules.flatMap((m) => Object.values(m).filter((v): v is Dto => typeof v === 'function' && getMetadataStorage().getTargetValidationMetadatas(v, '', false, false).length > 0));

const pipe = new WsValidationPipe();
const body = (metatype: Dto): ArgumentMetadata => ({ type: 'body', metatype });
/** The full pipe, without the shortcut. */
async function fullPipe(metatype: Dto, value: unknown): Promise<{ ok: true; entity: object } | { ok: false; error: unknown }> {
  try {
    return { ok: true, entity: (await ValidationPipe.prototype.transform.call(pipe, structuredClone(value), body(metatype))) as object };
  } catch (error) {
    return { ok: false, error };
  }
}

/** The engine's seeded PRNG, so a failure names its seed. */
function rng(seed: number): () => number {
  const r = new Rng(seed);
  return () => r.next();
}

const PRIMITIVES: unknown[] = [
  'a1', 'abc', 'alice', 'pod/web', 'imagepull-wrong-tag', 'ABC234', 'q1', 'password-1', '2026-11-25T10:00:00Z', 'scenario', 'weekly', 'all', 'probes', '',
  ' ', 'x'.repeat(64), 'x'.repeat(65), 'x'.repeat(129), 'x'.repeat(65_537), 'ünïcødé', '😀', 'a\u0000b',
  0, 1, 2, 3, 7, 20, 50, 100, -1, 1.5, 1e9, Number.NaN, true, false, null,
];
const NON_PRIMITIVES: unknown[] = [[], [0, 2], ['a'], {}, { a: 1 }];

function propertiesOf(metatype: Dto): string[] {
  return Object.keys(getMetadataStorage().groupByPropertyName(getMetadataStorage().getTargetValidationMetadatas(metatype, '', false, false)));
}

describe('DtoFastPath (the validation pipe shortcut)', () => {
  it('covers the command messages (the hot path) and declines DTOs with transforms or nested rules', () => {
    const fast = new DtoFastPath();
    expect(fast.covers(RunCommandDto)).toBe(true);
    expect(fast.covers(attemptDtos.AttemptRefDto)).toBe(true);
    expect(fast.covers(diagnosisDtos.AnswerQuizDto)).toBe(false); // `each` / array rules
    expect(DTOS.length).toBeGreaterThan(15);
  });

  it.each(DTOS.map((d) => [d.name, d] as const))('%s: accepts exactly what the full pipe accepts, as an equal instance', async (_name, metatype) => {
    const fast = new DtoFastPath();
    const covered = fast.covers(metatype);
    const props = propertiesOf(metatype);
    const r = rng(props.length * 7919 + metatype.name.length);
    let accepted = 0;
    for (let i = 0; i < 300; i++) {
      const value: Record<string, unknown> = {};
      for (const p of props) if (r() < 0.85) value[p] = PRIMITIVES[Math.floor(r() * PRIMITIVES.length)];
      const odd = r();
      const primitiveOnly = odd >= 0.2;
      if (odd < 0.05) value.extra = 'x';
      else if (odd < 0.1) Object.defineProperty(value, '__proto__', { value: { polluted: true }, enumerable: true, configurable: true, writable: true });
      else if (odd < 0.2 && props.length > 0) value[props[Math.floor(r() * props.length)]] = NON_PRIMITIVES[Math.floor(r() * NON_PRIMITIVES.length)];

      const shortcut = fast.accept(metatype, structuredClone(value));
      const full = await fullPipe(metatype, value);
      if (shortcut) {
        expect({ value, full: full.ok }).toEqual({ value, full: true });
        expect(shortcut).toBeInstanceOf(metatype);
        expect(shortcut).toEqual((full as { entity: object }).entity);
        accepted++;
      }
      if (covered && primitiveOnly) expect({ value, shortcut: shortcut !== undefined }).toEqual({ value, shortcut: full.ok });
      // Through the gateway's pipe (shortcut first), the answer is the full pipe's either way.
      const viaPipe = await pipe.transform(structuredClone(value), body(metatype)).then(
        (entity) => ({ ok: true as const, entity }),
        (error: unknown) => ({ ok: false as const, error }),
      );
      expect(viaPipe).toEqual(full);
    }
    if (covered) expect(accepted).toBeGreaterThan(0);
  });

  it('returns undefined for payloads that are not plain objects', () => {
    const fast = new DtoFastPath();
    for (const value of [null, undefined, 'x', 1, [], new Date(), Object.create({ attemptId: 'a1', command: 'ls' })]) {
      expect(fast.accept(RunCommandDto, value)).toBeUndefined();
    }
    expect(fast.accept(RunCommandDto, { attemptId: 'a1', command: 'kubectl get pods' })).toEqual(Object.assign(new RunCommandDto(), { attemptId: 'a1', command: 'kubectl get pods' }));
  });
});
