import { Cluster } from '../cluster-engine';
import { formatError } from './errors';
import { FlagError, Flags, FlagSpec, parseFlags } from './flags/flags';
import { optionsHelp, rootHelp, verbHelp } from './help';
import { contextNamespace, KUBECONFIG_PATH, readKubeconfig } from './kubeconfig';
import { withOutputCache } from './output-cache';
import { CommandResult, fail, ok } from './result';
import { VirtualFs } from './shell/vfs';
import { findVerb, VERBS } from './verbs/registry';
import { GLOBAL_FLAGS, Verb } from './verbs/verb';

export interface KubectlEnv {
  cluster: Cluster;
  vfs: VirtualFs;
  cwd: string;
  stdin: string;
  /** The node the player is logged in to, if any (kubectl there has no kubeconfig unless it is a control-plane node). */
  node?: string;
}

/** Verbs that never talk to the API server. */
const OFFLINE_VERBS = ['config', 'help'];

/** kubectl's answer when it cannot reach an API server, or undefined when it can. */
function connectionRefused(env: KubectlEnv, verb: string, flags: Flags): string | undefined {
  if (OFFLINE_VERBS.includes(verb) || (verb === 'version' && flags.bool('client'))) return undefined;
  const onWorker = env.node !== undefined && env.cluster.api.tryGet('Node', undefined, env.node)?.metadata.labels?.['node-role.kubernetes.io/control-plane'] === undefined;
  if (onWorker) return 'The connection to the server localhost:8080 was refused - did you specify the right host or port?\n';
  if (!env.cluster.apiServerReachable()) return `The connection to the server ${env.cluster.apiServerAddress()} was refused - did you specify the right host or port?\n`;
  return undefined;
}

/** Real kubectl commands this terminal does not simulate: say so instead of pretending they do not exist. */
const UNSUPPORTED = ['port-forward', 'proxy', 'attach', 'cp', 'debug', 'certificate', 'kustomize', 'plugin', 'completion', 'alpha', 'diff', 'wait', 'autoscale', 'cluster-info'];

const VALUE_GLOBALS = new Set(GLOBAL_FLAGS.filter((f) => f.type !== 'bool').flatMap((f) => [`--${f.name}`, ...(f.short ? [`-${f.short}`] : [])]));

/** Cobra's command lookup: the first argument that is neither a flag nor a global flag's value (-1: none). */
export function findVerbIndex(argv: string[]): number {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') return -1;
    if (!a.startsWith('-')) return i;
    if (VALUE_GLOBALS.has(a)) i++;
  }
  return -1;
}

function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

function unknownCommand(name: string): CommandResult {
  const names = [...VERBS.map((v) => v.name), ...UNSUPPORTED].sort();
  const suggestions = names.filter((n) => levenshtein(name.toLowerCase(), n) <= 2 || n.startsWith(name.toLowerCase()));
  const hint = suggestions.length ? `\n\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join('')}` : '';
  return fail(`error: unknown command "${name}" for "kubectl"${hint}\nRun 'kubectl --help' for usage.\n`);
}

/** A verb's flags then the global ones, one list per verb (parseFlags indexes each list once). */
const verbSpecs = new WeakMap<Verb, FlagSpec[]>();
function flagSpecsOf(verb: Verb): FlagSpec[] {
  let specs = verbSpecs.get(verb);
  if (!specs) verbSpecs.set(verb, (specs = [...verb.flags, ...GLOBAL_FLAGS]));
  return specs;
}

/** Runs one kubectl invocation (`argv` without the leading `kubectl`). Never throws for user mistakes. */
export function runKubectl(argv: string[], env: KubectlEnv): CommandResult {
  const at = findVerbIndex(argv);
  if (at < 0) {
    const rest = argv.filter((a) => a !== '-h' && a !== '--help');
    if (rest.length === 0) return ok(rootHelp(VERBS));
    try {
      parseFlags(rest, GLOBAL_FLAGS);
    } catch (e) {
      if (e instanceof FlagError) return fail(`error: ${e.message}\nSee 'kubectl --help' for usage.\n`);
      throw e;
    }
    return ok(rootHelp(VERBS));
  }
  const name = argv[at];
  if (name === 'options') return ok(optionsHelp());
  if (name === 'help') {
    const target = argv[at + 1] ? findVerb(argv[at + 1]) : undefined;
    return ok(target ? verbHelp(target) : rootHelp(VERBS));
  }
  const verb = findVerb(name);
  if (!verb) {
    if (UNSUPPORTED.includes(name)) return fail(`error: "kubectl ${name}" is not available in this terminal yet.\nRun 'kubectl --help' for the commands it supports.\n`);
    return unknownCommand(name);
  }
  let flags: Flags;
  try {
    flags = new Flags(parseFlags([...argv.slice(0, at), ...argv.slice(at + 1)], flagSpecsOf(verb)));
  } catch (e) {
    if (e instanceof FlagError) return fail(`error: ${e.message}\nSee 'kubectl ${verb.name} --help' for usage.\n`);
    throw e;
  }
  if (flags.bool('help')) return ok(verbHelp(verb));
  const refused = connectionRefused(env, verb.name, flags);
  if (refused) return fail(refused);
  const context = flags.string('context');
  if (context && verb.name !== 'config' && !readKubeconfig(env.vfs).contexts.some((c) => c.name === context)) {
    return fail(`error: context was not found for specified context: ${context}\n`);
  }
  const namespace = flags.string('namespace') || contextNamespace(env.vfs);
  const namespaceExplicit = flags.changed('namespace');
  const run = (): CommandResult => {
    try {
      return verb.run({ cluster: env.cluster, vfs: env.vfs, cwd: env.cwd, stdin: env.stdin, namespace, namespaceExplicit, flags, args: flags.args });
    } catch (e) {
      return fail(formatError(e));
    }
  };
  if (!verb.pureOutput?.(flags)) return run();
  return withOutputCache(env.cluster, { argv, namespace, namespaceExplicit, kubeconfig: env.vfs.read(KUBECONFIG_PATH) }, run);
}
