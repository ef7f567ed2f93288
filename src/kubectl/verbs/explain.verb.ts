import { kindInfo, resolveKind } from '../../cluster-engine';
import { KubectlError, usageError } from '../errors';
import { explain } from '../explain/render';
import { schemaForKind } from '../explain/openapi';
import { CommandResult, fail, ok } from '../result';
import { Verb, VerbContext } from './verb';

const NO_TYPE = `You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.

error: Required resource not specified.
See 'kubectl explain -h' for help and examples
`;

/** `kubectl explain RESOURCE[.field.path] [--recursive] [--api-version=G/V]`, from the Kubernetes 1.32 OpenAPI v3 schemas. */
function run(ctx: VerbContext): CommandResult {
  if (ctx.args.length === 0) return fail(NO_TYPE);
  if (ctx.args.length > 1) throw usageError('explain', 'We accept only this format: explain RESOURCE');
  const output = ctx.flags.string('output');
  if (output && output !== 'plaintext' && output !== 'plaintext-openapiv2') throw new KubectlError(`supported output format: plaintext, plaintext-openapiv2; got: ${output}`);
  const [resource, ...path] = ctx.args[0].split('.');
  // `deployments.apps.spec`: a group may follow the resource name
  let info = resolveKind(resource);
  let fields = path;
  for (let i = path.length; i > 0; i--) {
    const qualified = resolveKind(`${resource}.${path.slice(0, i).join('.')}`);
    if (qualified && qualified.group === path.slice(0, i).join('.')) {
      info = qualified;
      fields = path.slice(i);
      break;
    }
  }
  if (!info) throw new KubectlError(`the server doesn't have a resource type "${resource}"`);
  const apiVersion = ctx.flags.string('api-version') || kindInfo(info.kind).apiVersion;
  const schema = schemaForKind(apiVersion, info.kind);
  if (!schema) throw new KubectlError(`couldn't find resource for "${apiVersion}, Resource=${info.plural}"`);
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  const text = explain({ group, version, kind: info.kind, schema }, fields, ctx.flags.bool('recursive'));
  if (text === undefined) return fail(`error: field "${fields[fields.length - 1]}" does not exist\n`);
  return ok(text);
}

export const explainVerb: Verb = {
  name: 'explain',
  group: 'Basic Commands (Intermediate)',
  short: 'Get documentation for a resource',
  usage: 'kubectl explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [-o|--output=plaintext|plaintext-openapiv2] [options]',
  flags: [
    { name: 'recursive', type: 'bool', description: 'When true, print the name of all the fields recursively. Otherwise, print the available fields with their description.' },
    { name: 'api-version', type: 'string', description: 'Use given api-version (group/version) of the resource.' },
    { name: 'output', short: 'o', type: 'string', default: 'plaintext', description: 'Format in which to render the schema. Valid values are: (plaintext, plaintext-openapiv2).' },
  ],
  examples: ['kubectl explain pods', 'kubectl explain pods.spec.containers', 'kubectl explain deployment.spec.strategy --recursive'],
  run,
};
