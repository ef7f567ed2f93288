import { toJson } from '../printers/json-printer';
import { toYaml } from '../printers/yaml-printer';
import { KubectlError } from '../errors';
import { ok } from '../result';
import { Verb } from './verb';

export const CLIENT_VERSION = 'v1.32.2';
const KUSTOMIZE_VERSION = 'v5.5.0';

function info(version: string) {
  const [major, minor] = version.replace(/^v/, '').split('.');
  return { major, minor, gitVersion: version, gitCommit: '67a30c0adcf52bd3f56ff0893ce19966be12991f', gitTreeState: 'clean', buildDate: '2025-01-15T14:31:55Z', goVersion: 'go1.23.4', compiler: 'gc', platform: 'linux/amd64' };
}

export const versionVerb: Verb = {
  name: 'version',
  group: 'Other Commands',
  short: 'Print the client and server version information',
  usage: 'kubectl version [flags] [options]',
  flags: [
    { name: 'client', type: 'bool', description: 'If true, shows client version only (no server required).' },
    { name: 'output', short: 'o', type: 'string', description: "One of 'yaml' or 'json'." },
  ],
  examples: ['kubectl version', 'kubectl version --client'],
  run(ctx) {
    const client = ctx.flags.bool('client');
    const o = ctx.flags.string('output');
    const data = { clientVersion: info(CLIENT_VERSION), kustomizeVersion: KUSTOMIZE_VERSION, ...(client ? {} : { serverVersion: info(ctx.cluster.kubernetesVersion) }) };
    if (o === 'json') return ok(toJson(data));
    if (o === 'yaml') return ok(toYaml(data));
    if (o) throw new KubectlError(`--output must be 'yaml' or 'json'`);
    return ok(`Client Version: ${CLIENT_VERSION}\nKustomize Version: ${KUSTOMIZE_VERSION}\n${client ? '' : `Server Version: ${ctx.cluster.kubernetesVersion}\n`}`);
  },
};
