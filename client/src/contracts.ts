/**
 * Wire shapes of features whose server side is being built on other branches (tab completion,
 * kubectl edit, quiz rounds, authoring), exactly as their contracts state them. Once they are in
 * src/game/protocol these become type re-exports from there.
 */
import type { CommandResult } from '../../src/game/protocol/messages';

/** `command:complete` {attemptId, line} → candidates replace the trailing `prefix` of the line. */
export interface CompletionResponse {
  prefix: string;
  candidates: string[];
}

/** `kubectl edit` hands the object's YAML to the browser's editor pane. */
export interface EditRequest {
  editId: string;
  text: string;
  path: string;
}

export type EditableResult = CommandResult & { edit?: EditRequest };

export interface QuizTopic {
  id: string;
  title: string;
  count: number;
}

export interface RoundQuestion {
  id: string;
  question: string;
  choices: string[];
  multiple?: boolean;
  points?: number;
  topic?: string;
}

export interface QuizRound {
  roundId: string;
  questions: RoundQuestion[];
  topic?: string | null;
}

export interface RoundAnswerResult {
  correct: boolean;
  points: number;
  explanation: string;
  correctChoices: number[];
}

export interface RoundFinishResult {
  roundId?: string;
  score?: number;
  correct?: number;
  total?: number;
  [extra: string]: unknown;
}

export interface ValidationStepView {
  name: string;
  ok: boolean;
  detail?: string;
}

/** The validator's report; YAML errors carry line numbers. Fields beyond `ok`/`steps` are read defensively. */
export interface ValidationReportView {
  ok: boolean;
  steps?: ValidationStepView[];
  errors?: Array<{ line?: number; column?: number; message: string; path?: string } | string>;
  [extra: string]: unknown;
}

/** An instructor's scenario as its author sees it (authoring:list / save / publish / get). */
export interface AuthoredScenario {
  id: string;
  title: string;
  ownerName?: string;
  latestVersion: number;
  publishedVersion?: number;
  ok: boolean;
  status: 'draft' | 'published';
  reportSummary?: string;
  updatedAt?: string;
}
