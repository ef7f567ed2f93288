import { executeTemplate, JsonPathError, parseTemplate } from '../../kubectl/printers/jsonpath';
import { CheckPlugin, stringParam } from './check';
import { describeRef, getObject, ObjectRef, parseObjectRef } from './object-ref';

interface Params extends ObjectRef {
  /** a kubectl `-o jsonpath` template, e.g. `{.status.conditions[?(@.type=="Ready")].status}` */
  path: string;
  /** the output must equal this … */
  equals?: string;
  /** … or match this regular expression */
  matches?: RegExp;
  /** words for the learner: what should hold, e.g. "the rollout is resumed" */
  means?: string;
}

/**
 * A custom condition on one object: `kubectl get KIND NAME -o jsonpath=PATH` must print `equals` (or match `matches`).
 * A missing object never holds.
 */
export const jsonpathCheck: CheckPlugin<Params> = {
  type: 'jsonpath',
  parse(p) {
    const ref = parseObjectRef('jsonpath', p);
    if (typeof ref === 'string') return ref;
    const path = stringParam(p, 'path');
    if (!path) return 'jsonpath needs "path" (a kubectl jsonpath template such as "{.status.phase}")';
    try {
      parseTemplate(path);
    } catch (e) {
      return `jsonpath: bad path ${path}: ${e instanceof JsonPathError ? e.message : String(e)}`;
    }
    const equals = p.equals === undefined ? undefined : String(p.equals);
    const pattern = stringParam(p, 'matches');
    if ((equals === undefined) === (pattern === undefined)) return 'jsonpath needs exactly one of "equals" and "matches"';
    let matches: RegExp | undefined;
    if (pattern !== undefined) {
      try {
        matches = new RegExp(pattern);
      } catch {
        return `jsonpath: "matches" is not a valid regular expression: ${pattern}`;
      }
    }
    return { ...ref, path, equals, matches, means: stringParam(p, 'means') };
  },
  evaluate(cluster, params) {
    const obj = getObject(cluster, params);
    if (!obj) return { met: false, whyNot: `${describeRef(params)} does not exist` };
    let out: string;
    try {
      out = executeTemplate(params.path, obj as never);
    } catch (e) {
      out = `<error: ${(e as Error).message}>`;
    }
    const holds = params.equals !== undefined ? out === params.equals : params.matches!.test(out);
    if (holds) return { met: true };
    const want = params.equals !== undefined ? `"${params.equals}"` : `something matching /${params.matches!.source}/`;
    const found = `${describeRef(params)}: ${params.path} is "${out}"`;
    // With `means`, the learner reads the intent; raw values only help while they are short.
    if (params.means) return { met: false, whyNot: out.length > 60 ? `not yet: ${params.means}` : `not yet: ${params.means} (${found})` };
    return { met: false, whyNot: `${found}, want ${want}` };
  },
};
