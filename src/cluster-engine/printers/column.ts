import { KubeObject, TableColumnDefinition } from '../api/types';
import { timestampSince } from './human-duration';

/** What a cell computation may read besides the object: the virtual "now". */
export interface PrintContext {
  nowMs: number;
}

export type Cell = string | number | boolean;

/** One column of a kind's server-side printer; `priority: 1` columns are shown by kubectl only with `-o wide`. */
export interface ColumnSpec<T extends KubeObject = KubeObject> extends TableColumnDefinition {
  cell(obj: T, ctx: PrintContext): Cell;
}

/** A kind's printer: its columns in order. `kind` is the engine kind it handles. */
export interface KindPrinter<T extends KubeObject = KubeObject> {
  kind: string;
  columns: Array<ColumnSpec<T>>;
}

// Descriptions are the swagger docs printers.go reuses (ObjectMeta.name / creationTimestamp).
export const NAME_DESCRIPTION =
  'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names';
export const CREATION_DESCRIPTION =
  'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata';

/** A string column; `priority` 1 marks a wide-only column. */
export function column<T extends KubeObject>(name: string, description: string, cell: ColumnSpec<T>['cell'], priority = 0): ColumnSpec<T> {
  return { name, type: 'string', format: '', description, priority, cell };
}

export function nameColumn<T extends KubeObject>(priority = 0): ColumnSpec<T> {
  return { name: 'Name', type: 'string', format: 'name', description: NAME_DESCRIPTION, priority, cell: (o) => o.metadata.name };
}

export function ageColumn<T extends KubeObject>(): ColumnSpec<T> {
  return column<T>('Age', CREATION_DESCRIPTION, (o, ctx) => timestampSince(o.metadata.creationTimestamp, ctx.nowMs));
}
