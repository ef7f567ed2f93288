import { KubeObject, Pod } from '../api/types';
import { kindInfo, isKnownKind, allKinds } from '../api/kinds';
import { applyDefaults } from '../api/defaults';
import { UPDATE_PREPARERS } from '../api/update-preparers';
import { IMMUTABLE_FIELDS } from '../api/immutable-fields';
import { validateObject, validatePodUpdate } from '../api/validation';
import { ApiError, badRequest, conflict, invalid, notFound } from '../api/errors';
import { setCondition } from '../api/conditions';
import { decodeError, typeDecodeError } from '../api/decode/decode';
import { jsonPatch } from '../api/patch/json-patch';
import { mergePatch } from '../api/patch/merge-patch';
import { strategicMergePatch } from '../api/patch/strategic-merge';
import { matchesSelector, parseLabelSelector } from '../api/selectors';
import { matchesFields, parseFieldSelector } from '../api/field-selector';
import { ObjectStore, copyOf } from '../store/store';
import { VirtualClock, parseTime, toIso } from '../clock';
import { Rng } from '../rng';
import { AdmissionRequest } from './admission/admission';
import { MUTATING_PLUGINS, VALIDATING_PLUGINS } from './admission/registry';
import { evictPod } from './eviction';

export interface ListOptions {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
}

export interface WriteOptions {
  dryRun?: boolean;
}

/** The four PATCH content types of the API server. */
export type PatchType = 'json' | 'merge' | 'strategic' | 'apply';

export interface PatchOptions extends WriteOptions {
  /** Patch the `/status` subresource instead of the main resource (which ignores status). */
  subresource?: 'status';
  /** `fieldValidation=Strict` rejects fields the kind's schema does not have (kubectl's default). */
  strict?: boolean;
}

export interface DeleteOptions extends WriteOptions {
  /** Overrides the pod's terminationGracePeriodSeconds; 0 with force removes at once. */
  gracePeriodSeconds?: number;
  /**
   * `Orphan` keeps the dependents and drops their ownerReferences to this object (the garbage collector's
   * orphan finalizer, done at once). `Background` (the default) and `Foreground` both leave the dependents to
   * the garbage collector, which removes them within a step.
   */
  propagationPolicy?: 'Orphan' | 'Background' | 'Foreground';
}

/**
 * The API server: the one entry for every read and write. Writes run defaulting ▸ mutating admission ▸
 * validation ▸ validating admission ▸ store. Errors are ApiErrors carrying Kubernetes `Status` objects.
 */
export class ApiServer {
  constructor(
    readonly store: ObjectStore,
    private readonly clock: VirtualClock,
    private readonly rng: Rng,
  ) {}

  get<T extends KubeObject = KubeObject>(kind: string, namespace: string | undefined, name: string): T {
    const obj = this.store.get(kind, this.scope(kind, namespace), name);
    if (!obj) throw notFound(kind, name);
    return obj as T;
  }

  tryGet<T extends KubeObject = KubeObject>(kind: string, namespace: string | undefined, name: string): T | undefined {
    return this.store.get(kind, this.scope(kind, namespace), name) as T | undefined;
  }

  list<T extends KubeObject = KubeObject>(kind: string, opts: ListOptions = {}): T[] {
    return this.view(kind, opts).map((o) => copyOf(o) as T);
  }

  /** Like `list` without the copies, for readers that only print: the objects must not be mutated. */
  view(kind: string, opts: ListOptions = {}): ReadonlyArray<Readonly<KubeObject>> {
    const labels = opts.labelSelector ? parseLabelSelector(opts.labelSelector) : undefined;
    const fields = opts.fieldSelector ? parseFieldSelector(kind, opts.fieldSelector) : undefined;
    const ns = kindInfo(kind).namespaced ? opts.namespace : undefined;
    return this.store.scan(kind, ns).filter((o) => (!labels || matchesSelector(labels, o.metadata.labels)) && (!fields || matchesFields(fields, o)));
  }

  create<T extends KubeObject>(input: T, opts: WriteOptions = {}): T {
    // copyOf, not structuredClone: plain API data, and the stored copy shares the input's strings (less heap).
    const obj = copyOf(input);
    const undecodable = isKnownKind(obj.kind) ? typeDecodeError(obj) : undefined;
    if (undecodable) throw undecodable;
    if (!isKnownKind(obj.kind)) throw badRequest(`no kind "${obj.kind}" is registered for version "${obj.apiVersion}"`);
    const info = kindInfo(obj.kind);
    obj.apiVersion = info.apiVersion;
    obj.metadata = { ...(obj.metadata ?? {}) } as KubeObject['metadata'];
    if (info.namespaced) obj.metadata.namespace ??= 'default';
    else delete obj.metadata.namespace;
    if (!obj.metadata.name && obj.metadata.generateName) obj.metadata.name = obj.metadata.generateName + this.rng.suffix(5);
    delete obj.metadata.resourceVersion;
    delete obj.metadata.deletionTimestamp;
    obj.metadata.uid = this.rng.uuid();
    obj.metadata.creationTimestamp = this.clock.nowIso();
    if (obj.kind !== 'Pod' && obj.kind !== 'Event' && obj.spec !== undefined) obj.metadata.generation = 1;
    applyDefaults(obj);
    const req = this.admissionRequest('CREATE', obj);
    for (const p of MUTATING_PLUGINS) p.admit(req);
    const errors = validateObject(obj, info.namespaced);
    if (errors.length) throw invalid(obj.kind, obj.metadata.name ?? '', errors);
    for (const p of VALIDATING_PLUGINS) p.validate(req);
    if (opts.dryRun) {
      if (this.store.peek(obj.kind, obj.metadata.namespace, obj.metadata.name)) this.store.create(obj); // throws AlreadyExists
      return obj as T;
    }
    return this.store.create(obj) as T;
  }

  /** Replaces spec and metadata (status is kept from the stored object). */
  update<T extends KubeObject>(input: T, opts: WriteOptions = {}): T {
    return this.write(input, 'main', opts);
  }

  /**
   * PATCH: applies a JSON patch (RFC 6902), a merge patch (RFC 7386), a strategic merge patch or a
   * server-side apply configuration to the stored object, then writes it like an update. `apply` creates
   * the object when it does not exist; it merges like a strategic patch and does not track field
   * managers, so it never reports conflicts (server-side apply "lite"). A patch that changes nothing
   * leaves the object, and its resourceVersion, as they were.
   */
  patch<T extends KubeObject = KubeObject>(kind: string, namespace: string | undefined, name: string, type: PatchType, body: unknown, opts: PatchOptions = {}): T {
    const current = type === 'apply' ? this.tryGet(kind, namespace, name) : this.get(kind, namespace, name);
    if (!current) {
      const obj = body as T;
      if (obj?.metadata?.name !== name) throw badRequest(`metadata.name: Invalid value: "${String(obj?.metadata?.name ?? '')}": field is immutable`);
      return this.create({ ...obj, metadata: { ...obj.metadata, namespace } } as T, opts);
    }
    // `current` is our own copy, and no patcher writes into its target (the merges build new objects,
    // jsonPatch works on a copy), so it needs no second copy; `write` copies what it stores.
    let next: KubeObject;
    if (type === 'json') next = jsonPatch(current, body) as KubeObject;
    else if (type === 'merge') next = mergePatch(current, body) as KubeObject;
    else next = strategicMergePatch(current, body, kind) as KubeObject;
    if (typeof next !== 'object' || next === null || Array.isArray(next)) throw badRequest('the patch produced something that is not an object');
    // Identity comes from the URL; a patch cannot move an object.
    next.kind = current.kind;
    next.metadata = { ...(next.metadata ?? {}), name: current.metadata.name, ...(current.metadata.namespace ? { namespace: current.metadata.namespace } : {}) };
    // The write checks the JSON types first thing; only strict decoding (unknown fields) is patch's to check.
    const undecodable = opts.strict ? decodeError(next) : undefined;
    if (undecodable) throw undecodable;
    // Without a precondition in the patch the write applies to whatever is stored now.
    if (next.metadata.resourceVersion === current.metadata.resourceVersion) delete next.metadata.resourceVersion;
    return opts.subresource === 'status' ? this.updateStatus(next as T, opts) : this.update(next as T, opts);
  }

  /** The `/status` subresource: replaces status only. */
  updateStatus<T extends KubeObject>(input: T, opts: WriteOptions = {}): T {
    return this.write(input, 'status', opts);
  }

  /**
   * Deletes an object. A pod bound to a node is deleted gracefully: it gets a deletionTimestamp and stays
   * (Terminating) until its kubelet has stopped it. Objects with finalizers stay until those are removed.
   */
  delete<T extends KubeObject = KubeObject>(kind: string, namespace: string | undefined, name: string, opts: DeleteOptions = {}): T {
    const current = this.get(kind, namespace, name);
    const req = this.admissionRequest('DELETE', current);
    for (const p of VALIDATING_PLUGINS) p.validate(req);
    if (opts.dryRun) return current as T;
    if (opts.propagationPolicy === 'Orphan') this.orphanDependents(current);
    const now = this.clock.nowMs();
    if (kind === 'Namespace') return this.markDeleting(current, now, 0) as T;
    if (kind === 'Pod') {
      const pod = current as Pod;
      const grace = opts.gracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30;
      const terminal = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
      if (pod.spec.nodeName && grace > 0 && !terminal) {
        const existing = parseTime(pod.metadata.deletionTimestamp);
        // A second delete may only shorten the grace period.
        if (existing !== undefined && existing <= now + grace * 1000) return pod as T;
        return this.markDeleting(pod, now, grace) as T;
      }
    }
    if (current.metadata.finalizers?.length) return this.markDeleting(current, now, 0) as T;
    return this.store.remove(kind, current.metadata.namespace, name) as T;
  }

  private orphanDependents(owner: KubeObject): void {
    for (const info of allKinds()) {
      for (const obj of this.store.scan(info.kind, info.namespaced ? owner.metadata.namespace : undefined)) {
        const refs = obj.metadata.ownerReferences;
        if (!refs?.some((r) => r.uid === owner.metadata.uid)) continue;
        const orphan = copyOf(obj) as KubeObject;
        const kept = refs.filter((r) => r.uid !== owner.metadata.uid);
        if (kept.length) orphan.metadata.ownerReferences = kept;
        else delete orphan.metadata.ownerReferences;
        this.store.update(orphan);
      }
    }
  }

  /** The `eviction` subresource: deletes the pod unless its PodDisruptionBudget forbids it (429 TooManyRequests). */
  evict(namespace: string, name: string, opts: DeleteOptions = {}): void {
    evictPod(this, this.clock.nowIso(), namespace, name, opts);
  }

  /** The `binding` subresource: assigns a pending pod to a node and marks it scheduled. */
  bind(namespace: string, name: string, nodeName: string): Pod {
    const pod = this.get<Pod>('Pod', namespace, name);
    if (pod.spec.nodeName) throw conflict('Pod', name);
    pod.spec.nodeName = nodeName;
    setCondition(pod.status, { type: 'PodScheduled', status: 'True', lastProbeTime: null }, this.clock.nowIso());
    const scheduled = pod.status.conditions!.find((c) => c.type === 'PodScheduled')!;
    delete scheduled.reason;
    delete scheduled.message;
    return this.store.update(pod) as Pod;
  }

  private markDeleting(obj: KubeObject, now: number, graceSeconds: number): KubeObject {
    if (obj.metadata.deletionTimestamp && graceSeconds === 0) return obj;
    obj.metadata.deletionTimestamp = toIso(now + graceSeconds * 1000);
    obj.metadata.deletionGracePeriodSeconds = graceSeconds;
    if (obj.kind === 'Namespace') (obj.status as { phase: string }).phase = 'Terminating';
    return this.store.update(obj);
  }

  private write<T extends KubeObject>(input: T, part: 'main' | 'status', opts: WriteOptions): T {
    const obj = copyOf(input);
    const kind = obj.kind;
    const undecodable = isKnownKind(kind) ? typeDecodeError(obj) : undefined;
    if (undecodable) throw undecodable;
    if (!isKnownKind(kind)) throw badRequest(`no kind "${kind}" is registered for version "${obj.apiVersion}"`);
    const info = kindInfo(kind);
    const ns = info.namespaced ? obj.metadata?.namespace ?? 'default' : undefined;
    const current = this.store.get(kind, ns, obj.metadata?.name);
    if (!current) throw notFound(kind, obj.metadata?.name ?? '');
    let next: KubeObject;
    if (part === 'status') {
      next = { ...current, status: obj.status, metadata: { ...current.metadata, resourceVersion: obj.metadata.resourceVersion } };
    } else {
      // Identity and system fields cannot be changed through an update.
      const { uid, creationTimestamp, deletionTimestamp, deletionGracePeriodSeconds, generation } = current.metadata;
      next = {
        ...obj,
        apiVersion: info.apiVersion,
        metadata: { ...obj.metadata, namespace: ns, uid, creationTimestamp, deletionTimestamp, deletionGracePeriodSeconds, generation },
        status: current.status,
      };
      if (!next.metadata.deletionTimestamp) delete next.metadata.deletionTimestamp;
      if (next.metadata.deletionGracePeriodSeconds === undefined) delete next.metadata.deletionGracePeriodSeconds;
      if (next.metadata.generation === undefined) delete next.metadata.generation;
      const prepared = UPDATE_PREPARERS[kind]?.(next, current, this.store, this.rng) ?? [];
      applyDefaults(next);
      if (kind === 'Pod') next.status = current.status;
      const errors = [...prepared, ...validateObject(next, info.namespaced)];
      if (kind === 'Pod') errors.push(...validatePodUpdate(current as Pod, next as Pod));
      errors.push(...(IMMUTABLE_FIELDS[kind]?.(next, current) ?? []));
      if (errors.length) throw invalid(kind, next.metadata.name, errors);
      if (generation !== undefined && JSON.stringify(next.spec) !== JSON.stringify(current.spec)) next.metadata.generation = generation + 1;
      const req = this.admissionRequest('UPDATE', next, current);
      for (const p of VALIDATING_PLUGINS) p.validate(req);
    }
    if (opts.dryRun) return next as T;
    // Removing the last finalizer of an object being deleted completes the deletion.
    if (next.metadata.deletionTimestamp && current.metadata.finalizers?.length && !next.metadata.finalizers?.length && kind !== 'Pod') {
      return this.store.remove(kind, ns, next.metadata.name) as T;
    }
    return this.store.update(next) as T;
  }

  private admissionRequest(operation: AdmissionRequest['operation'], object: KubeObject, oldObject?: KubeObject): AdmissionRequest {
    return { operation, object, oldObject, store: this.store, clock: this.clock, rng: this.rng };
  }

  private scope(kind: string, namespace: string | undefined): string | undefined {
    return isKnownKind(kind) && kindInfo(kind).namespaced ? namespace ?? 'default' : undefined;
  }
}

export { ApiError };
