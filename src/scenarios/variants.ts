/**
 * Scenario variants: a scenario declares `parameters` (`{ name, choices }`) and writes `{{ name }}` anywhere in its
 * text below them; an attempt's seed picks one choice per parameter, deterministically, and the placeholders are
 * replaced in the YAML text before it is parsed. Two players get the same lesson but not the same answer.
 */

/** `{{ name }}`, spaces optional inside the braces. */
const PLACEHOLDER = /\{\{\s*([a-zA-Z_][a-zA-Z0-9_-]*)\s*\}\}/g;

export interface Parameter {
  name: string;
  choices: string[];
}

/** One drawn variant: its index in the parameters' combinations and the value of each parameter. */
export interface Variant {
  index: number;
  values: Record<string, string>;
}

/** The distinct placeholder names used in a text, in order of first use. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]))];
}

export function substitute(text: string, values: Record<string, string>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => (name in values ? values[name] : whole));
}

/** How many distinct variants the parameters allow (the product of their choice counts). */
export function variantCount(params: readonly Parameter[]): number {
  return params.reduce((n, p) => n * p.choices.length, 1);
}

/** The variant at `index` (mixed radix: the first parameter varies fastest). */
export function variantAt(params: readonly Parameter[], index: number): Variant {
  const values: Record<string, string> = {};
  let rest = index;
  for (const p of params) {
    values[p.name] = p.choices[rest % p.choices.length];
    rest = Math.floor(rest / p.choices.length);
  }
  return { index, values };
}

/** A 32-bit integer mix (murmur3's finaliser): nearby seeds land on unrelated variants. */
function mix(seed: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** The variant an attempt with this seed plays: the same seed always draws the same one. */
export function variantForSeed(params: readonly Parameter[], seed: number): Variant {
  return variantAt(params, mix(seed) % variantCount(params));
}

/**
 * The variant indices a validator proves: all of them when there are at most `cap`, else `cap` distinct ones
 * drawn from `seed` (always including the first).
 */
export function variantsToProve(params: readonly Parameter[], cap: number, seed: number): number[] {
  const count = variantCount(params);
  if (count <= cap) return Array.from({ length: count }, (_, i) => i);
  const picked = new Set<number>([0]);
  for (let k = 1; picked.size < cap; k++) picked.add(mix(seed * 7919 + k) % count);
  return [...picked].sort((a, b) => a - b);
}

export function describeVariant(v: Variant): string {
  return Object.entries(v.values).map(([k, val]) => `${k}=${val}`).join(', ');
}
