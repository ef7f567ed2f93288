/**
 * Colours for kubectl's output in the terminal: table headers dimmed-bold and pod/node status
 * words coloured by health (kubecolor-style), errors red. Pure string → ANSI string.
 */
const RESET = '\x1b[0m';
const GREEN = '\x1b[32m';
const YELLOW = '\x1b[33m';
const RED = '\x1b[31m';
const CYAN = '\x1b[36m';
const BOLD = '\x1b[1m';

const WORDS: Array<[RegExp, string]> = [
  [/\b(CrashLoopBackOff|ImagePullBackOff|ErrImagePull|ErrImageNeverPull|InvalidImageName|CreateContainerConfigError|CreateContainerError|RunContainerError|OOMKilled|Error|Failed|Evicted|NotReady|Unhealthy|FailedScheduling|BackOff|Init:Error|Init:CrashLoopBackOff)\b/g, RED],
  [/\b(Pending|ContainerCreating|PodInitializing|Terminating|SchedulingDisabled|Warning|Unknown)\b/g, YELLOW],
  [/\b(Running|Ready|Completed|Succeeded|Active|Bound|Normal)\b/g, GREEN],
];

/** A kubectl table starts with an upper-case header row: NAME, NAMESPACE, LAST SEEN… */
function isHeader(line: string): boolean {
  return /^(NAME|NAMESPACE|LAST SEEN|TYPE|KIND)\b/.test(line) && line === line.toUpperCase();
}

/** describe's status lines: `Status:`, `State:`, `Reason:`, condition rows and event rows. */
const DESCRIBE_STATUS = /^\s*(Status|State|Reason|Last State):|^\s+(Warning|Normal)\s|^\s+\S+\s+(True|False|Unknown)\s*$/;

function colourWords(line: string): string {
  let out = line;
  for (const [re, colour] of WORDS) out = out.replace(re, (w) => `${colour}${w}${RESET}`);
  return out;
}

/** Tables and describe's status lines get coloured; YAML, logs and free text stay exactly as printed. */
export function colorizeStdout(text: string): string {
  const lines = text.split('\n');
  const table = isHeader(lines[0] ?? '');
  return lines
    .map((line, i) => {
      if (table) return i === 0 ? `${BOLD}${CYAN}${line}${RESET}` : colourWords(line);
      return DESCRIBE_STATUS.test(line) ? colourWords(line) : line;
    })
    .join('\n');
}

export function colorizeStderr(text: string): string {
  return text ? `${RED}${text}${RESET}` : '';
}
