import { KubectlError } from '../errors';

export type OutputFormat =
  | { kind: 'table'; wide: boolean }
  | { kind: 'yaml' }
  | { kind: 'json' }
  | { kind: 'name' }
  | { kind: 'jsonpath'; template: string }
  | { kind: 'custom-columns'; columns: Array<{ header: string; path: string }> };

const ALLOWED = 'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';

/** `-o` as kubectl's PrintFlags read it. */
export function parseOutputFormat(o: string): OutputFormat {
  const eq = o.indexOf('=');
  const [name, arg] = eq >= 0 ? [o.slice(0, eq), o.slice(eq + 1)] : [o, ''];
  switch (name) {
    case '':
      return { kind: 'table', wide: false };
    case 'wide':
      return { kind: 'table', wide: true };
    case 'yaml':
      return { kind: 'yaml' };
    case 'json':
      return { kind: 'json' };
    case 'name':
      return { kind: 'name' };
    case 'jsonpath':
      if (!arg) throw new KubectlError('template format specified but no template given');
      return { kind: 'jsonpath', template: arg };
    case 'custom-columns':
      if (!arg) throw new KubectlError('custom-columns format specified but no custom columns given');
      return { kind: 'custom-columns', columns: parseCustomColumns(arg) };
    case 'go-template':
    case 'template':
    case 'go-template-file':
    case 'templatefile':
    case 'jsonpath-file':
    case 'jsonpath-as-json':
    case 'custom-columns-file':
      throw new KubectlError(`output format "${name}" is not supported in this terminal; try -o jsonpath=... or -o custom-columns=...`);
    default:
      throw new KubectlError(`unable to match a printer suitable for the output format "${o}", allowed formats are: ${ALLOWED}`);
  }
}

function parseCustomColumns(spec: string): Array<{ header: string; path: string }> {
  return spec.split(',').map((part) => {
    const colon = part.indexOf(':');
    if (colon < 0) throw new KubectlError(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    return { header: part.slice(0, colon), path: part.slice(colon + 1) };
  });
}
