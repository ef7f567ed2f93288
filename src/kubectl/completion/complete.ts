import { allKinds, Cluster, KindInfo, Pod, resolveKind } from '../../cluster-engine';
import { FlagSpec } from '../flags/flags';
import { contextNamespace } from '../kubeconfig';
import { findVerbIndex } from '../kubectl';
import { SHELL_COMMANDS } from '../shell/commands/registry';
import { isDirectory, listDirectory } from '../shell/fs-view';
import { ShellState } from '../shell/state';
import { VirtualFs } from '../shell/vfs';
import { findVerb, VERBS } from '../verbs/registry';
import { GLOBAL_FLAGS, Verb } from '../verbs/verb';

export interface CompletionEnv {
  cluster: Cluster;
  /** the player's own files (the node's disk is used while logged in over ssh) */
  vfs: VirtualFs;
  state: ShellState;
}

export interface Completion {
  prefix: string;
  candidates: string[];
}

/** What a verb's positional arguments are, by position: kinds, names of a kind, subcommands. */
type ArgRule = { type: 'kind' } | { type: 'names'; kind: string } | { type: 'words'; words: string[] } | { type: 'kindNames' };

const NODE_VERBS = ['cordon', 'uncordon', 'drain'];
const POD_VERBS = ['logs', 'exec', 'attach', 'port-forward'];
const SUBCOMMANDS: Record<string, string[]> = {
  rollout: ['history', 'pause', 'restart', 'resume', 'status', 'undo'],
  set: ['env', 'image', 'resources'],
  create: ['clusterrole', 'clusterrolebinding', 'configmap', 'deployment', 'job', 'namespace', 'role', 'rolebinding', 'secret', 'service', 'serviceaccount'],
  config: ['current-context', 'get-contexts', 'set-context', 'use-context', 'view'],
  auth: ['can-i', 'whoami'],
  top: ['node', 'nodes', 'pod', 'pods'],
};
const OUTPUT_FORMATS = ['custom-columns=', 'json', 'jsonpath=', 'name', 'wide', 'yaml'];
const NODE_COMMANDS = ['crictl', 'journalctl', 'systemctl'];

/** Splits off the command the cursor is in (after the last `|`, `;`, `&&`, `||`) into words; the last is the one being typed. */
function currentCommand(line: string): { words: string[]; current: string } {
  const segment = line.split(/\|\||&&|[|;]/).pop() ?? '';
  const words = segment.trim() === '' ? [] : segment.trim().split(/\s+/);
  const current = /\s$/.test(segment) || segment === '' ? '' : words.pop() ?? '';
  return { words, current };
}

function longFlags(specs: readonly FlagSpec[]): string[] {
  return specs.map((s) => `--${s.name}`);
}

function kindWords(): string[] {
  return allKinds().flatMap((k) => [k.plural, k.singular, ...k.shortNames]);
}

export function completeLine(line: string, env: CompletionEnv): Completion {
  const { words, current } = currentCommand(line);
  const pick = (candidates: Iterable<string>): Completion => ({ prefix: current, candidates: [...new Set(candidates)].filter((c) => c.startsWith(current)).sort() });
  const fs = env.state.login.node ? VirtualFs.over(env.cluster.nodeFiles(env.state.login.node)) : env.vfs;
  const files = () => fileCandidates(fs, env.state.cwd, current);

  const cmd = words[0] === 'sudo' ? words[1] : words[0];
  const args = words.slice(words[0] === 'sudo' ? 2 : 1);
  if (cmd === undefined) {
    const commands = ['kubectl', 'k', 'ssh', 'exit', 'sudo', 'xargs', ...SHELL_COMMANDS.map((c) => c.name), ...(env.state.login.node ? NODE_COMMANDS : [])];
    return pick(commands);
  }
  if (cmd === 'ssh') return pick(args.some((a) => !a.startsWith('-')) ? [] : env.cluster.nodeNames());
  if (cmd !== 'kubectl' && cmd !== 'k') return { prefix: current, candidates: files() };
  return completeKubectl(args, current, env, pick, files);
}

function completeKubectl(args: string[], current: string, env: CompletionEnv, pick: (c: Iterable<string>) => Completion, files: () => string[]): Completion {
  const verbAt = findVerbIndex(args);
  const verb = verbAt >= 0 ? findVerb(args[verbAt]) : undefined;
  const specs: FlagSpec[] = [...(verb?.flags ?? []), ...GLOBAL_FLAGS];
  const namespace = namespaceOf(args, env.vfs);
  const prev = args[args.length - 1];
  const prevSpec = prev?.startsWith('-') && !prev.includes('=') ? flagSpec(specs, prev) : undefined;

  if (prevSpec && prevSpec.type !== 'bool') {
    switch (prevSpec.name) {
      case 'namespace':
        return pick(names(env.cluster, 'Namespace'));
      case 'filename':
        return { prefix: current, candidates: files() };
      case 'output':
        return pick(verb?.name === 'edit' ? ['json', 'name', 'yaml'] : OUTPUT_FORMATS);
      case 'container':
        return pick(containerNames(env.cluster, namespace, positionals(args.slice(verbAt + 1), specs)));
      default:
        return { prefix: current, candidates: [] };
    }
  }
  if (current.startsWith('-')) return pick(longFlags(specs));
  if (!verb) return verbAt >= 0 ? { prefix: current, candidates: [] } : pick([...VERBS.map((v) => v.name), 'help']);

  const pos = positionals(args.slice(verbAt + 1), specs);
  const rule = argRule(verb, pos);
  if (!rule) return { prefix: current, candidates: [] };
  switch (rule.type) {
    case 'words':
      return pick(rule.words);
    case 'names':
      return pick(names(env.cluster, rule.kind, namespace));
    case 'kind': {
      // TYPE/NAME: names of that kind after the slash
      const slash = current.indexOf('/');
      if (slash > 0) {
        const info = resolveKind(current.slice(0, slash));
        return pick(info ? names(env.cluster, info.kind, namespace).map((n) => `${current.slice(0, slash)}/${n}`) : []);
      }
      return pick(kindWords());
    }
    case 'kindNames': {
      const info = kindOfArgs(pos);
      return pick(info ? names(env.cluster, info.kind, namespace) : []);
    }
  }
}

/** The rule for the next positional argument, given those already typed. */
function argRule(verb: Verb, pos: string[]): ArgRule | undefined {
  const n = pos.length;
  if (NODE_VERBS.includes(verb.name)) return { type: 'names', kind: 'Node' };
  if (POD_VERBS.includes(verb.name)) return n === 0 ? { type: 'names', kind: 'Pod' } : undefined;
  if (verb.name === 'taint') return n === 0 ? { type: 'words', words: ['node', 'nodes'] } : n === 1 ? { type: 'names', kind: 'Node' } : undefined;
  if (verb.name === 'explain') return n === 0 ? { type: 'words', words: allKinds().map((k) => k.plural) } : undefined;
  const subs = SUBCOMMANDS[verb.name];
  if (subs) {
    if (n === 0) return { type: 'words', words: subs };
    if (verb.name === 'rollout') return n === 1 ? { type: 'kind' } : pos[1].includes('/') ? undefined : { type: 'kindNames' };
    if (verb.name === 'set') return n === 1 ? { type: 'kind' } : pos[1].includes('/') ? undefined : { type: 'kindNames' };
    if (verb.name === 'top') return n === 1 ? { type: 'names', kind: pos[0].startsWith('node') ? 'Node' : 'Pod' } : undefined;
    return undefined;
  }
  if (['get', 'describe', 'delete', 'edit', 'label', 'annotate', 'patch', 'scale', 'expose'].includes(verb.name)) {
    if (n === 0) return { type: 'kind' };
    return pos[0].includes('/') ? { type: 'kind' } : { type: 'kindNames' };
  }
  return undefined;
}

function kindOfArgs(pos: string[]): KindInfo | undefined {
  const type = pos.find((p) => !SUBCOMMANDS.rollout.includes(p) && !SUBCOMMANDS.set.includes(p) && resolveKind(p.split(',')[0]));
  return type ? resolveKind(type.split(',')[0]) : undefined;
}

/** Positional arguments after the verb (flags and their values skipped). */
function positionals(args: string[], specs: FlagSpec[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') break;
    if (!a.startsWith('-') || a === '-') {
      out.push(a);
      continue;
    }
    const spec = a.includes('=') ? undefined : flagSpec(specs, a);
    if (spec && spec.type !== 'bool' && spec.noOptDefault === undefined) i++;
  }
  return out;
}

function flagSpec(specs: FlagSpec[], word: string): FlagSpec | undefined {
  if (word.startsWith('--')) return specs.find((s) => s.name === word.slice(2));
  if (word.length === 2) return specs.find((s) => s.short === word[1]);
  return undefined;
}

function namespaceOf(args: string[], vfs: VirtualFs): string {
  for (let i = 0; i < args.length; i++) {
    if ((args[i] === '-n' || args[i] === '--namespace') && args[i + 1]) return args[i + 1];
    const m = args[i].match(/^(?:--namespace=|-n=?)(.+)$/);
    if (m && args[i] !== '-n') return m[1];
  }
  return contextNamespace(vfs);
}

function names(cluster: Cluster, kind: string, namespace?: string): string[] {
  try {
    return cluster.api.list(kind, { namespace }).map((o) => o.metadata.name);
  } catch {
    return [];
  }
}

function containerNames(cluster: Cluster, namespace: string, pos: string[]): string[] {
  const podArg = pos.find((p) => !p.includes('/') || /^(po|pod|pods)\//.test(p));
  const name = podArg?.replace(/^[^/]*\//, '');
  const pod = name ? cluster.api.tryGet<Pod>('Pod', namespace, name) : undefined;
  return pod ? [...(pod.spec.initContainers ?? []), ...pod.spec.containers].map((c) => c.name) : [];
}

/** Path completion: entries of the typed directory that start with the typed name; directories end with `/`. */
function fileCandidates(fs: VirtualFs, cwd: string, current: string): string[] {
  const slash = current.lastIndexOf('/');
  const dirPart = slash >= 0 ? current.slice(0, slash + 1) : '';
  const base = slash >= 0 ? current.slice(slash + 1) : current;
  const dir = VirtualFs.resolve(dirPart || '.', cwd);
  if (!isDirectory(fs, dir)) return [];
  return listDirectory(fs, dir)
    .map((e) => e.replace(/\/$/, ''))
    .filter((e) => e.startsWith(base) && (base.startsWith('.') || !e.startsWith('.')))
    .map((e) => `${dirPart}${e}${isDirectory(fs, VirtualFs.resolve(`${dir}/${e}`, '/')) ? '/' : ''}`)
    .sort();
}
