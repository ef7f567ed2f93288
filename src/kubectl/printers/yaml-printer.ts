import { Document, visit } from 'yaml';
import { sortKeysDeep } from './sort-keys';

// YAML 1.1 plain scalars that go-yaml v2 would resolve to something other than a string; such strings are
// written double-quoted (`resourceVersion: "123"`, `creationTimestamp: "2025-01-15T09:00:00Z"`).
const NON_STRING = [
  /^(~|null|Null|NULL)$/,
  /^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,
  /^[-+]?(0b[01_]+|0o?[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*)$/,
  /^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$/,
  /^([-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$/,
  /^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$/,
  /^\d{4}-\d\d?-\d\d?(([Tt]|[ \t]+)\d\d?:\d\d:\d\d(\.\d*)?([ \t]*(Z|[-+]\d\d?(:\d\d)?))?)?$/,
  /^<<$/,
];

function resolvesToNonString(s: string): boolean {
  return s === '' || NON_STRING.some((re) => re.test(s));
}

/** YAML as kubectl's `-o yaml` writes it (sigs.k8s.io/yaml over go-yaml v2): sorted keys, unindented sequences. */
export function toYaml(value: unknown): string {
  const doc = new Document(sortKeysDeep(value));
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && resolvesToNonString(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  return doc.toString({ indentSeq: false, lineWidth: 80, minContentWidth: 0, singleQuote: true, blockQuote: 'literal', nullStr: 'null' });
}
