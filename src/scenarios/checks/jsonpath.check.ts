import { KubeObject, resolveKind } from '../../cluster-engine';
import { executeTemplate, JsonPathError } from '../../kubectl/printers/jsonpath';
import { CheckPlugin, stringParam } from './check';

interface Params {
  kind: string;
  namespace?: string;
  name: string;
  /** a kubectl `-o jsonpath` template, e.g. `{.spec.paused}` */
  path: string;
  /** the output must equal this text … */
  equals?: string;
  /** … or match this regular expression */
  matches?: RegExp;
  /** words for the learner: what should hold, e.g. "the rollout is not paused" */
  means?: string;
}

/**
 * A custom condition on one object, as `kubectl get KIND NAME -o jsonpath=PATH` would print it: the output
 * must equal `equals` or match `matches`. A missing object never holds.
 */
export const jsonpathCheck: CheckPlugin<Params> = {
  type: 'jsonpath',
  parse(p) {
    const kindName = stringParam(p, 'kind');
    const name = stringParam(p, 'name');
    const path = stringParam(p, 'path');
    if (!kindName || !name || !path) return 'jsonpath needs "kind", "name" and "path"';
    const info = resolveKind(kindName);
    if (!info) return `jsonpath: unknown kind "${kindName}"`;
    if ((p.equals === undefined) === (p.matches === undefined)) return 'jsonpath needs exactly one of "equals" and "matches"';
    if (p.equals !== undefined && typeof p.equals !== 'string') return 'jsonpath: "equals" must be a string (quote numbers and booleans)';
    let matches: RegExp | undefined;
    if (p.matches !== undefined) {
      if (typeof p.matches !== 'string') return 'jsonpath: "matches" must be a regular expression in a string';
      try {
        matches = new RegExp(p.matches);
      } catch (e) {
        return `jsonpath: "matches": ${(e as Error).message}`;
      }
    }
    try {
      executeTemplate(path, {});
    } catch (e) {
      if (e instanceof JsonPathError) return `jsonpath: "path": ${e.message}`;
    }
    return { kind: info.kind, name, path, namespace: info.namespaced ? stringParam(p, 'namespace', 'default') : undefined, equals: p.equals as string | undefined, matches, means: stringParam(p, 'means') };
  },
  evaluate(cluster, { kind, namespace, name, path, equals, matches, means }) {
    const obj = cluster.api.tryGet<KubeObject>(kind, namespace, name);
    const label = `${kind.toLowerCase()} ${name}`;
    if (!obj) return { met: false, whyNot: `${label} does not exist` };
    let out: string;
    try {
      out = executeTemplate(path, obj as never);
    } catch {
      out = '';
    }
    if (equals !== undefined ? out === equals : matches!.test(out)) return { met: true };
    // With `means`, the learner reads the intent; raw values only help while they are short.
    if (means && out.length > 60) return { met: false, whyNot: `not yet: ${means}` };
    const want = equals !== undefined ? `"${equals}"` : `something matching /${matches!.source}/`;
    const found = `${label}: ${path} is "${out}"`;
    return { met: false, whyNot: means ? `not yet: ${means} (${label}: ${path} is "${out}")` : `${found}, want ${want}` };
  },
};
