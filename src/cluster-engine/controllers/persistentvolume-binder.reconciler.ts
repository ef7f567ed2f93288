import { PersistentVolume, PersistentVolumeClaim, Pod, StorageClass } from '../api/types';
import { Component, EngineContext } from '../context';
import { quantityValue } from '../quota/usage';

export interface PersistentVolumeBinderState {
  /** claims being provisioned: "ns/name" → when the provisioner finishes (ms) and for which node */
  provisioning: Record<string, { doneMs: number; node?: string }>;
  /** pending claims: "ns/name" → when the next periodic sync may report again (the 15 s claim resync) */
  nextReportMs?: Record<string, number>;
}

const PV_CONTROLLER = { component: 'persistentvolume-controller' };
/** The local-path provisioner's identity, as it signs its events in a kind cluster. */
const PROVISIONER_IDENTITY = 'rancher.io/local-path_local-path-provisioner-7577fdbbfb-nqh5r_6b2d1c0e-3a4f-4b7e-9d8c-2f1e0a9b8c7d';
const PROVISION_MS = 2_000;
/** kube-controller-manager's --pvclaimbinder-sync-period: a waiting claim is re-examined (and its event repeated) this often. */
const RESYNC_MS = 15_000;
export const SELECTED_NODE = 'volume.kubernetes.io/selected-node';
const PVC_PROTECTION = 'kubernetes.io/pvc-protection';

/** The claim's class as the controller reads it: `spec.storageClassName`, "" when unset. */
export function claimClass(pvc: PersistentVolumeClaim): string {
  return pvc.spec?.storageClassName ?? '';
}

/** Whether an Available volume satisfies a claim: class, volume mode, access modes and capacity. */
export function volumeMatches(pv: PersistentVolume, pvc: PersistentVolumeClaim): boolean {
  if ((pv.spec.storageClassName ?? '') !== claimClass(pvc)) return false;
  if ((pv.spec.volumeMode ?? 'Filesystem') !== (pvc.spec.volumeMode ?? 'Filesystem')) return false;
  const modes = pv.spec.accessModes ?? [];
  if (!(pvc.spec.accessModes ?? []).every((m) => modes.includes(m))) return false;
  return quantityValue('storage', pv.spec.capacity?.storage) >= quantityValue('storage', pvc.spec.resources?.requests?.storage);
}

/** Pods that use a claim by name. */
export function podsUsingClaim(ctx: EngineContext, ns: string, claim: string): Pod[] {
  return (ctx.store.scan('Pod', ns) as Pod[]).filter((p) => (p.spec.volumes ?? []).some((v) => (v.persistentVolumeClaim as { claimName?: string } | undefined)?.claimName === claim));
}

/**
 * The PersistentVolume controller (binder) plus the local-path provisioner: a Pending claim binds to the
 * smallest matching Available volume, else its StorageClass provisions one (at once for Immediate, after
 * a consumer pod is scheduled for WaitForFirstConsumer). Volumes go Available ▸ Bound ▸ Released.
 */
export class PersistentVolumeBinderReconciler implements Component<PersistentVolumeBinderState> {
  readonly name = 'persistentvolume-binder-controller';

  constructor(private s: PersistentVolumeBinderState = { provisioning: {} }) {}

  state(): PersistentVolumeBinderState {
    return this.s;
  }

  step(ctx: EngineContext): void {
    for (const pvc of ctx.store.scan('PersistentVolumeClaim') as PersistentVolumeClaim[]) this.syncClaim(ctx, pvc);
    for (const pv of ctx.store.scan('PersistentVolume') as PersistentVolume[]) this.syncVolume(ctx, pv);
  }

  private syncClaim(ctx: EngineContext, pvc: PersistentVolumeClaim): void {
    const ns = pvc.metadata.namespace!;
    const key = `${ns}/${pvc.metadata.name}`;
    if (pvc.metadata.deletionTimestamp) {
      // pvc-protection: the claim goes once no pod uses it.
      delete this.s.provisioning[key];
      if (this.s.nextReportMs) delete this.s.nextReportMs[key];
      const inUse = podsUsingClaim(ctx, ns, pvc.metadata.name).some((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
      if (!inUse && pvc.metadata.finalizers?.includes(PVC_PROTECTION)) {
        const fresh = ctx.api.get<PersistentVolumeClaim>('PersistentVolumeClaim', ns, pvc.metadata.name);
        fresh.metadata.finalizers = (fresh.metadata.finalizers ?? []).filter((f) => f !== PVC_PROTECTION);
        ctx.api.update(fresh);
      }
      return;
    }
    if (pvc.status?.phase === 'Bound') {
      if (this.s.nextReportMs) delete this.s.nextReportMs[key];
      return;
    }
    const volumes = ctx.store.scan('PersistentVolume') as PersistentVolume[];
    if (pvc.spec.volumeName) {
      const pv = volumes.find((v) => v.metadata.name === pvc.spec.volumeName);
      if (pv && (!pv.spec.claimRef || pv.spec.claimRef.uid === pvc.metadata.uid)) this.bind(ctx, pv, pvc);
      else {
        const message = pv ? `volume "${pv.metadata.name}" already bound to a different claim.` : `volume "${pvc.spec.volumeName}" not found`;
        ctx.events.record({ object: pvc, type: 'Warning', reason: 'FailedBinding', message, source: PV_CONTROLLER });
      }
      return;
    }
    const candidates = volumes
      .filter((v) => !v.metadata.deletionTimestamp && (v.status?.phase === 'Available' || (!v.spec.claimRef && v.status?.phase !== 'Released')) && !v.spec.claimRef && volumeMatches(v, pvc))
      .sort((a, b) => quantityValue('storage', a.spec.capacity?.storage) - quantityValue('storage', b.spec.capacity?.storage));
    const className = claimClass(pvc);
    const sc = className ? ctx.api.tryGet<StorageClass>('StorageClass', undefined, className) : undefined;
    const delayed = sc?.volumeBindingMode === 'WaitForFirstConsumer';
    const consumerNode = podsUsingClaim(ctx, ns, pvc.metadata.name).find((p) => p.spec.nodeName)?.spec.nodeName;
    if (candidates.length && (!delayed || consumerNode)) {
      this.bind(ctx, candidates[0], pvc);
      return;
    }
    if (!className) {
      if (this.quiet(ctx, key)) return;
      ctx.events.record({ object: pvc, type: 'Normal', reason: 'FailedBinding', message: 'no persistent volumes available for this claim and no storage class is set', source: PV_CONTROLLER });
      return;
    }
    if (!sc) {
      if (this.quiet(ctx, key)) return;
      ctx.events.record({ object: pvc, type: 'Warning', reason: 'ProvisioningFailed', message: `storageclass.storage.k8s.io "${className}" not found`, source: PV_CONTROLLER });
      return;
    }
    if (delayed && !consumerNode) {
      if (this.quiet(ctx, key)) return;
      ctx.events.record({ object: pvc, type: 'Normal', reason: 'WaitForFirstConsumer', message: 'waiting for first consumer to be created before binding', source: PV_CONTROLLER });
      return;
    }
    this.provision(ctx, pvc, sc, key, consumerNode);
  }

  /** True while a waiting claim's last report is younger than the resync period. */
  private quiet(ctx: EngineContext, key: string): boolean {
    const now = ctx.clock.nowMs();
    const next = (this.s.nextReportMs ??= {});
    if (next[key] !== undefined && now < next[key]) return true;
    next[key] = now + RESYNC_MS;
    return false;
  }

  private provision(ctx: EngineContext, pvc: PersistentVolumeClaim, sc: StorageClass, key: string, node: string | undefined): void {
    const now = ctx.clock.nowMs();
    const ongoing = this.s.provisioning[key];
    if (!ongoing) {
      this.s.provisioning[key] = { doneMs: now + PROVISION_MS, node };
      if (node && pvc.metadata.annotations?.[SELECTED_NODE] !== node) {
        const fresh = ctx.api.get<PersistentVolumeClaim>('PersistentVolumeClaim', pvc.metadata.namespace, pvc.metadata.name);
        fresh.metadata.annotations = {
          ...(fresh.metadata.annotations ?? {}),
          [SELECTED_NODE]: node,
          'volume.beta.kubernetes.io/storage-provisioner': sc.provisioner,
          'volume.kubernetes.io/storage-provisioner': sc.provisioner,
        };
        ctx.api.update(fresh);
      }
      const msg = `Waiting for a volume to be created either by the external provisioner '${sc.provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`;
      ctx.events.record({ object: pvc, type: 'Normal', reason: 'ExternalProvisioning', message: msg, source: PV_CONTROLLER });
      ctx.events.record({ object: pvc, type: 'Normal', reason: 'Provisioning', message: `External provisioner is provisioning volume for claim "${key}"`, source: { component: PROVISIONER_IDENTITY } });
      return;
    }
    if (now < ongoing.doneMs) return;
    delete this.s.provisioning[key];
    const name = `pvc-${pvc.metadata.uid}`;
    const pv: PersistentVolume = {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: {
        name,
        annotations: { 'local.path.provisioner/selected-node': ongoing.node ?? '', 'pv.kubernetes.io/provisioned-by': sc.provisioner },
        finalizers: ['kubernetes.io/pv-protection'],
      },
      spec: {
        accessModes: [...(pvc.spec.accessModes ?? [])],
        capacity: { storage: pvc.spec.resources?.requests?.storage ?? '0' },
        hostPath: { path: `/var/local-path-provisioner/${name}_${pvc.metadata.namespace}_${pvc.metadata.name}`, type: 'DirectoryOrCreate' },
        persistentVolumeReclaimPolicy: sc.reclaimPolicy ?? 'Delete',
        storageClassName: sc.metadata.name,
        volumeMode: pvc.spec.volumeMode ?? 'Filesystem',
        ...(ongoing.node
          ? { nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [ongoing.node] }] }] } } }
          : {}),
      },
      status: { phase: 'Pending' },
    };
    if (!ongoing.node) delete pv.metadata.annotations!['local.path.provisioner/selected-node'];
    const created = ctx.api.create(pv);
    ctx.events.record({ object: pvc, type: 'Normal', reason: 'ProvisioningSucceeded', message: `Successfully provisioned volume ${name}`, source: { component: PROVISIONER_IDENTITY } });
    this.bind(ctx, created, pvc);
  }

  private bind(ctx: EngineContext, pvIn: PersistentVolume, pvcIn: PersistentVolumeClaim): void {
    const now = ctx.clock.nowIso();
    const pv = ctx.api.get<PersistentVolume>('PersistentVolume', undefined, pvIn.metadata.name);
    pv.spec.claimRef = {
      kind: 'PersistentVolumeClaim',
      namespace: pvcIn.metadata.namespace,
      name: pvcIn.metadata.name,
      uid: pvcIn.metadata.uid,
      apiVersion: 'v1',
      resourceVersion: pvcIn.metadata.resourceVersion,
    };
    pv.metadata.annotations = { ...(pv.metadata.annotations ?? {}), 'pv.kubernetes.io/bound-by-controller': 'yes' };
    if (pv.metadata.annotations['pv.kubernetes.io/provisioned-by']) delete pv.metadata.annotations['pv.kubernetes.io/bound-by-controller'];
    const boundPv = ctx.api.update(pv);
    boundPv.status = { phase: 'Bound', lastPhaseTransitionTime: now };
    ctx.api.updateStatus(boundPv);

    const pvc = ctx.api.get<PersistentVolumeClaim>('PersistentVolumeClaim', pvcIn.metadata.namespace, pvcIn.metadata.name);
    const preBound = !!pvc.spec.volumeName;
    pvc.spec.volumeName = pv.metadata.name;
    pvc.metadata.annotations = {
      ...(pvc.metadata.annotations ?? {}),
      'pv.kubernetes.io/bind-completed': 'yes',
      ...(preBound ? {} : { 'pv.kubernetes.io/bound-by-controller': 'yes' }),
    };
    const updated = ctx.api.update(pvc);
    updated.status = { ...(updated.status ?? {}), phase: 'Bound', accessModes: [...(pv.spec.accessModes ?? [])], capacity: { ...(pv.spec.capacity ?? {}) } };
    ctx.api.updateStatus(updated);
  }

  private syncVolume(ctx: EngineContext, pv: PersistentVolume): void {
    const phase = pv.status?.phase;
    const ref = pv.spec.claimRef;
    if (pv.metadata.deletionTimestamp) {
      if (phase !== 'Bound' && pv.metadata.finalizers?.length) {
        const fresh = ctx.api.get<PersistentVolume>('PersistentVolume', undefined, pv.metadata.name);
        fresh.metadata.finalizers = [];
        ctx.api.update(fresh);
      }
      return;
    }
    if (!ref) {
      if (phase !== 'Available') this.setPhase(ctx, pv, 'Available');
      return;
    }
    const claim = ctx.api.tryGet<PersistentVolumeClaim>('PersistentVolumeClaim', ref.namespace, ref.name);
    const claimGone = !claim || (ref.uid !== undefined && claim.metadata.uid !== ref.uid);
    if (!claimGone) {
      if (phase !== 'Bound' && claim.spec.volumeName === pv.metadata.name) this.setPhase(ctx, pv, 'Bound');
      return;
    }
    if (phase === 'Released' || phase === 'Failed') return;
    if (phase !== 'Bound') return; // a pre-bound volume waits for its claim
    if (pv.spec.persistentVolumeReclaimPolicy === 'Delete') {
      const fresh = ctx.api.get<PersistentVolume>('PersistentVolume', undefined, pv.metadata.name);
      fresh.metadata.finalizers = [];
      ctx.api.update(fresh);
      if (ctx.api.tryGet('PersistentVolume', undefined, pv.metadata.name)) ctx.api.delete('PersistentVolume', undefined, pv.metadata.name);
      return;
    }
    this.setPhase(ctx, pv, 'Released');
  }

  private setPhase(ctx: EngineContext, pv: PersistentVolume, phase: 'Available' | 'Bound' | 'Released'): void {
    const fresh = ctx.api.get<PersistentVolume>('PersistentVolume', undefined, pv.metadata.name);
    fresh.status = { ...(fresh.status ?? {}), phase, lastPhaseTransitionTime: ctx.clock.nowIso() };
    ctx.api.updateStatus(fresh);
  }
}
