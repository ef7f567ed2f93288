/** The shell's syntax tree: a script is and-or lists of pipelines of simple commands. */

/** A piece of a word: literal text, `$NAME`, or `$(…)`; `quoted` pieces are not split on whitespace. */
export type WordPart = { t: 'lit'; text: string; quoted: boolean } | { t: 'var'; name: string; quoted: boolean } | { t: 'cmd'; script: string; quoted: boolean };

export interface Word {
  parts: WordPart[];
}

export type Redirect =
  | { op: '>' | '>>' | '<' | '2>' | '2>>' | '&>'; target: Word }
  | { op: '2>&1' }
  | { op: '<<'; body: string; expand: boolean };

export interface SimpleCommand {
  words: Word[];
  redirects: Redirect[];
}

export interface Pipeline {
  commands: SimpleCommand[];
}

export interface AndOr {
  first: Pipeline;
  rest: Array<{ op: '&&' | '||'; pipeline: Pipeline }>;
}

export type Script = AndOr[];

export class ShellSyntaxError extends Error {}
