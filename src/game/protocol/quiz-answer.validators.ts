import { applyDecorators } from '@nestjs/common';
import { ArrayMaxSize, IsArray, IsInt, IsNotEmpty, IsString, Max, MaxLength, Min } from 'class-validator';

// One definition of a quiz answer's fields, for the in-scenario quiz and the standalone rounds.
// The decorators are listed bottom-up, the order in which stacked decorators apply.

/** A question id: a short non-empty string. */
export const IsQuestionId = (): PropertyDecorator => applyDecorators(IsString(), IsNotEmpty(), MaxLength(128));

/** The chosen answers: up to 32 indices into the question's choices. */
export const IsChoiceIndices = (): PropertyDecorator =>
  applyDecorators(IsArray(), ArrayMaxSize(32), IsInt({ each: true }), Min(0, { each: true }), Max(99, { each: true }));
