export { humanDuration, timestampSince, timestampUntil } from './human-duration';
export { printTable, PrintTableOptions } from './print-table';
export { printerFor, PRINTERS } from './registry';
export { ColumnSpec, KindPrinter, PrintContext, Cell } from './column';
export { summarizePod, PodSummary } from './pod.columns';
export { nodeRoles, nodeStatus } from './node.columns';
export { eventFirstSeen, eventLastSeen, eventObject, eventSource } from './event.columns';
