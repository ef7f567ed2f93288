import { stableJson } from '../../cluster-engine/api/json';
/**
 * client-go's JSONPath templates as kubectl uses them (`-o jsonpath=`, `custom-columns`, `--sort-by`):
 * `{.a.b}`, `{.items[*].metadata.name}`, `[0]`, `[-1]`, `[1:3]`, `['key.with.dots']`, `..name`,
 * `[?(@.type=="Ready")]`, `{range …}…{end}` and string literals like `{"\n"}`. Missing keys yield nothing
 * (kubectl sets AllowMissingKeys), and several results of one action are joined by a space.
 */
type Value = unknown;

type Segment =
  | { t: 'field'; names: string[] }
  | { t: 'recursive'; name: string }
  | { t: 'index'; index: number }
  | { t: 'slice'; start?: number; end?: number; step?: number }
  | { t: 'wildcard' }
  | { t: 'filter'; left: Segment[]; op?: string; right?: { path?: Segment[]; literal?: Value } };

type Node =
  | { t: 'text'; text: string }
  | { t: 'path'; segments: Segment[] }
  | { t: 'range'; segments: Segment[]; body: Node[] };

export class JsonPathError extends Error {}

function unescape(body: string): string {
  return body.replace(/\\(.)/g, (_m, c: string) => ({ n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', "'": "'" })[c] ?? c);
}

/** Parses a path like `.items[*].metadata.name` (a leading `$` or `@` is allowed). */
export function parsePath(src: string): Segment[] {
  let s = src.trim();
  if (s.startsWith('$') || s.startsWith('@')) s = s.slice(1);
  const segs: Segment[] = [];
  let i = 0;
  const ident = () => {
    const m = /^[^.[\]\s()=!<>'"]+/.exec(s.slice(i));
    if (!m) throw new JsonPathError(`unrecognized identifier in ${src}`);
    i += m[0].length;
    return m[0];
  };
  while (i < s.length) {
    if (s.startsWith('..', i)) {
      i += 2;
      segs.push({ t: 'recursive', name: ident() });
    } else if (s[i] === '.') {
      i++;
      if (s[i] === '*') {
        i++;
        segs.push({ t: 'wildcard' });
      } else if (i < s.length && s[i] !== '[') segs.push({ t: 'field', names: [ident()] });
    } else if (s[i] === '[') {
      const close = matchBracket(s, i);
      segs.push(parseBracket(s.slice(i + 1, close), src));
      i = close + 1;
    } else if (i === 0) {
      segs.push({ t: 'field', names: [ident()] });
    } else throw new JsonPathError(`unrecognized character in action: ${s.slice(i)}`);
  }
  return segs;
}

function matchBracket(s: string, open: number): number {
  let depth = 0;
  let quote = '';
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return i;
  }
  throw new JsonPathError('unterminated array');
}

function parseBracket(body: string, src: string): Segment {
  const b = body.trim();
  if (b === '*') return { t: 'wildcard' };
  if (b.startsWith('?(') && b.endsWith(')')) return parseFilter(b.slice(2, -1));
  if (/^['"]/.test(b)) {
    const names = [...b.matchAll(/'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"/g)].map((m) => unescape(m[1] ?? m[2]));
    return { t: 'field', names };
  }
  if (/^-?\d+$/.test(b)) return { t: 'index', index: Number(b) };
  const slice = /^(-?\d*):(-?\d*)(?::(-?\d*))?$/.exec(b);
  if (slice) {
    const num = (x: string | undefined) => (x === undefined || x === '' ? undefined : Number(x));
    return { t: 'slice', start: num(slice[1]), end: num(slice[2]), step: num(slice[3]) };
  }
  throw new JsonPathError(`invalid array index ${b} in ${src}`);
}

function parseFilter(expr: string): Segment {
  const m = /^\s*(@[^\s=!<>]*)\s*(==|!=|<=|>=|<|>|=~)?\s*(.*?)\s*$/.exec(expr);
  if (!m) throw new JsonPathError(`unrecognized filter ${expr}`);
  const left = parsePath(m[1]);
  if (!m[2]) return { t: 'filter', left };
  const raw = m[3];
  let right: { path?: Segment[]; literal?: Value };
  if (/^['"]/.test(raw)) right = { literal: unescape(raw.slice(1, -1)) };
  else if (raw.startsWith('@') || raw.startsWith('$')) right = { path: parsePath(raw) };
  else if (raw === 'true' || raw === 'false') right = { literal: raw === 'true' };
  else if (raw !== '' && !Number.isNaN(Number(raw))) right = { literal: Number(raw) };
  else right = { literal: raw };
  return { t: 'filter', left, op: m[2], right };
}

/** Splits a template into text and `{…}` actions, nesting `range … end`. */
export function parseTemplate(template: string): Node[] {
  const root: Node[] = [];
  const stack: Array<{ body: Node[] }> = [{ body: root }];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) {
      stack[stack.length - 1].body.push({ t: 'text', text: template.slice(i) });
      break;
    }
    if (open > i) stack[stack.length - 1].body.push({ t: 'text', text: template.slice(i, open) });
    const close = actionEnd(template, open);
    const action = template.slice(open + 1, close).trim();
    i = close + 1;
    const top = stack[stack.length - 1].body;
    if (action === 'end') {
      if (stack.length === 1) throw new JsonPathError('not in range, nothing to end');
      stack.pop();
    } else if (action.startsWith('range ')) {
      const node: Node = { t: 'range', segments: parsePath(action.slice(6)), body: [] };
      top.push(node);
      stack.push(node);
    } else if (/^(['"]).*\1$/s.test(action)) {
      top.push({ t: 'text', text: unescape(action.slice(1, -1)) });
    } else top.push({ t: 'path', segments: parsePath(action) });
  }
  if (stack.length > 1) throw new JsonPathError('unclosed action');
  return root;
}

function actionEnd(s: string, open: number): number {
  let quote = '';
  for (let i = open + 1; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '}') return i;
  }
  throw new JsonPathError('unclosed action');
}

const isObj = (v: Value): v is Record<string, Value> => v !== null && typeof v === 'object' && !Array.isArray(v);

function step(values: Value[], seg: Segment, root: Value): Value[] {
  const out: Value[] = [];
  for (const v of values) {
    switch (seg.t) {
      case 'field':
        for (const n of seg.names) if (isObj(v) && n in v) out.push(v[n]);
        break;
      case 'recursive':
        collect(v, seg.name, out);
        break;
      case 'index':
        if (Array.isArray(v)) {
          const idx = seg.index < 0 ? v.length + seg.index : seg.index;
          if (idx >= 0 && idx < v.length) out.push(v[idx]);
        }
        break;
      case 'slice':
        if (Array.isArray(v)) {
          const norm = (x: number | undefined, d: number) => (x === undefined ? d : x < 0 ? Math.max(0, v.length + x) : Math.min(x, v.length));
          const stride = seg.step ?? 1;
          for (let k = norm(seg.start, 0); k < norm(seg.end, v.length); k += stride) out.push(v[k]);
        }
        break;
      case 'wildcard':
        if (Array.isArray(v)) out.push(...v);
        else if (isObj(v)) out.push(...Object.keys(v).sort().map((k) => v[k]));
        break;
      case 'filter':
        if (Array.isArray(v)) out.push(...v.filter((item) => matches(item, seg, root)));
        break;
    }
  }
  return out;
}

function collect(v: Value, name: string, out: Value[]): void {
  if (Array.isArray(v)) v.forEach((x) => collect(x, name, out));
  else if (isObj(v)) {
    if (name in v) out.push(v[name]);
    for (const k of Object.keys(v).sort()) collect(v[k], name, out);
  }
}

function matches(item: Value, f: Extract<Segment, { t: 'filter' }>, root: Value): boolean {
  const left = evaluate(f.left, item, root);
  if (!f.op) return left.length > 0;
  if (left.length === 0) return false;
  const right = f.right!.path ? evaluate(f.right!.path, item, root)[0] : f.right!.literal;
  const l = left[0];
  switch (f.op) {
    case '==':
      return l === right || String(l) === String(right);
    case '!=':
      return !(l === right || String(l) === String(right));
    case '=~':
      return new RegExp(String(right)).test(String(l));
    default: {
      const [a, b] = typeof l === 'number' && typeof right === 'number' ? [l, right] : [String(l), String(right)];
      return f.op === '<' ? a < b : f.op === '>' ? a > b : f.op === '<=' ? a <= b : a >= b;
    }
  }
}

export function evaluate(segments: Segment[], current: Value, root: Value = current): Value[] {
  return segments.reduce<Value[]>((vals, seg) => step(vals, seg, root), [current]);
}

/** How client-go prints one result: strings raw, everything else as compact JSON. */
export function formatValue(v: Value): string {
  if (typeof v === 'string') return v;
  if (v === undefined) return '';
  // kubectl works on unstructured maps, which Go's encoder writes with sorted keys.
  return stableJson(v);
}

function run(nodes: Node[], current: Value, root: Value): string {
  let out = '';
  for (const n of nodes) {
    if (n.t === 'text') out += n.text;
    else if (n.t === 'path') out += evaluate(n.segments, current, root).map(formatValue).join(' ');
    else {
      for (const v of evaluate(n.segments, current, root)) {
        for (const item of Array.isArray(v) ? v : [v]) out += run(n.body, item, root);
      }
    }
  }
  return out;
}

export function executeTemplate(template: string, data: Value): string {
  return run(parseTemplate(template), data, data);
}

/** `{.a}` or `.a` → the segments of the single path kubectl's `--sort-by` / custom-columns accept. */
export function relaxedPath(expr: string): Segment[] {
  const e = expr.trim();
  const inner = e.startsWith('{') && e.endsWith('}') ? e.slice(1, -1) : e;
  return parsePath(inner.startsWith('.') || inner.startsWith('$') || inner.startsWith('@') || inner.startsWith('[') ? inner : `.${inner}`);
}
