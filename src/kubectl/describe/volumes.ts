import { PodSpec } from '../../cluster-engine';
import { LEVEL_0, LEVEL_1, LEVEL_2, PrefixWriter } from './prefix-writer';

type Volume = NonNullable<PodSpec['volumes']>[number];
type Source = Record<string, unknown>;

/** Go's `%v` of a `*bool`: `<nil>` when unset. */
const ptrBool = (v: unknown) => (v === undefined || v === null ? '<nil>' : String(v));

function projected(w: PrefixWriter, src: { sources?: Source[] }): void {
  w.write(LEVEL_2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
  for (const s of src.sources ?? []) {
    const secret = s.secret as { name?: string; optional?: boolean } | undefined;
    const configMap = s.configMap as { name?: string; optional?: boolean } | undefined;
    const token = s.serviceAccountToken as { expirationSeconds?: number } | undefined;
    if (secret) w.write(LEVEL_2, `SecretName:\t${secret.name ?? ''}\n    SecretOptionalName:\t${ptrBool(secret.optional)}\n`);
    else if (s.downwardAPI) w.write(LEVEL_2, 'DownwardAPI:\ttrue\n');
    else if (configMap) w.write(LEVEL_2, `ConfigMapName:\t${configMap.name ?? ''}\n    ConfigMapOptional:\t${ptrBool(configMap.optional)}\n`);
    else if (token) w.write(LEVEL_2, `TokenExpirationSeconds:\t${token.expirationSeconds ?? 3600}\n`);
  }
}

/** `describeVolumes` for the volume types the simulation uses; others print `<unknown>` as kubectl does. */
export function describeVolumes(w: PrefixWriter, volumes: Volume[] | undefined, space = ''): void {
  if (!volumes?.length) {
    w.write(LEVEL_0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(LEVEL_0, `${space}Volumes:\n`);
  for (const v of volumes) {
    w.write(LEVEL_1, `${space ? ' ' : ''}${v.name}:\n`);
    const hostPath = v.hostPath as { path?: string; type?: string } | undefined;
    const emptyDir = v.emptyDir as { medium?: string; sizeLimit?: string } | undefined;
    const secret = v.secret as { secretName?: string; optional?: boolean } | undefined;
    const configMap = v.configMap as { name?: string; optional?: boolean } | undefined;
    const pvc = v.persistentVolumeClaim as { claimName?: string; readOnly?: boolean } | undefined;
    if (hostPath) w.write(LEVEL_2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${hostPath.path ?? ''}\n    HostPathType:\t${hostPath.type ?? '<none>'}\n`);
    else if (emptyDir) w.write(LEVEL_2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${emptyDir.medium ?? ''}\n    SizeLimit:\t${emptyDir.sizeLimit ?? '<unset>'}\n`);
    else if (secret) w.write(LEVEL_2, `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${secret.secretName ?? ''}\n    Optional:\t${!!secret.optional}\n`);
    else if (configMap) w.write(LEVEL_2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${configMap.name ?? ''}\n    Optional:\t${!!configMap.optional}\n`);
    else if (pvc) w.write(LEVEL_2, `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${pvc.claimName ?? ''}\n    ReadOnly:\t${!!pvc.readOnly}\n`);
    else if (v.projected) projected(w, v.projected as { sources?: Source[] });
    else w.write(LEVEL_1, '<unknown>\n');
  }
}
