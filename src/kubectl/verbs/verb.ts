import { Cluster } from '../../cluster-engine';
import { Flags, FlagSpec } from '../flags/flags';
import { CommandResult } from '../result';
import { VirtualFs } from '../shell/vfs';

/** Everything a verb may use: the cluster, the player's files and stdin, and its parsed flags. */
export interface VerbContext {
  cluster: Cluster;
  vfs: VirtualFs;
  cwd: string;
  stdin: string;
  /** `-n`, else the kubeconfig context's namespace, else `default`. */
  namespace: string;
  /** True when `-n` was given (it overrides the namespace in manifests). */
  namespaceExplicit: boolean;
  flags: Flags;
  args: string[];
}

export interface Verb {
  name: string;
  aliases?: string[];
  /** The `kubectl --help` section it is listed under. */
  group: HelpGroup;
  /** One line for `kubectl --help`. */
  short: string;
  /** `kubectl get [(-o|--output=)json|yaml|…] (TYPE[.VERSION][.GROUP] [NAME | -l label] | …) [flags] [options]` */
  usage: string;
  flags: FlagSpec[];
  /** Shown in `--help`; the registry test runs each one against a small cluster and expects exit 0. */
  examples: string[];
  run(ctx: VerbContext): CommandResult;
  /**
   * True when, with these flags, the output is a function of nothing but the cluster's API objects, its virtual
   * time, the arguments and the namespace (no files, stdin, writes, randomness or running stream): runKubectl then
   * reuses the output of the same command at the same resourceVersion and millisecond (see output-cache.ts).
   */
  pureOutput?(flags: Flags): boolean;
}

export type HelpGroup =
  | 'Basic Commands (Beginner)'
  | 'Basic Commands (Intermediate)'
  | 'Deploy Commands'
  | 'Cluster Management Commands'
  | 'Troubleshooting and Debugging Commands'
  | 'Advanced Commands'
  | 'Settings Commands'
  | 'Other Commands';

export const HELP_GROUPS: HelpGroup[] = [
  'Basic Commands (Beginner)',
  'Basic Commands (Intermediate)',
  'Deploy Commands',
  'Cluster Management Commands',
  'Troubleshooting and Debugging Commands',
  'Advanced Commands',
  'Settings Commands',
  'Other Commands',
];

/** Flags every kubectl command accepts (kubectl options). */
export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string', description: 'If present, the namespace scope for this CLI request' },
  { name: 'context', type: 'string', description: 'The name of the kubeconfig context to use' },
  { name: 'kubeconfig', type: 'string', description: 'Path to the kubeconfig file to use for CLI requests.' },
  { name: 'cluster', type: 'string', description: 'The name of the kubeconfig cluster to use' },
  { name: 'user', type: 'string', description: 'The name of the kubeconfig user to use' },
  { name: 'request-timeout', type: 'string', default: '0', description: 'The length of time to wait before giving up on a single server request.' },
  { name: 'v', short: 'v', type: 'int', default: 0, description: 'number for the log level verbosity' },
  { name: 'help', short: 'h', type: 'bool', description: 'help for this command' },
];
