import { Component } from '../context';
import { NodeLifecycleReconciler, NodeLifecycleState } from './node-lifecycle.reconciler';
import { TaintEvictionReconciler, TaintEvictionState } from './taint-eviction.reconciler';
import { NamespaceReconciler } from './namespace.reconciler';
import { DeploymentReconciler } from './deployment.reconciler';
import { ReplicaSetControllerState, ReplicaSetReconciler } from './replicaset.reconciler';
import { GarbageCollectorReconciler } from './garbage-collector.reconciler';
import { EndpointsReconciler, EndpointsState } from './endpoints.reconciler';
import { EndpointSliceReconciler } from './endpointslice.reconciler';
import { PersistentVolumeBinderReconciler, PersistentVolumeBinderState } from './persistentvolume-binder.reconciler';
import { JobReconciler, JobState } from './job.reconciler';
import { ResourceQuotaReconciler } from './resourcequota.reconciler';
import { DisruptionReconciler } from './disruption.reconciler';

/**
 * The controllers kube-controller-manager runs, in the order they step each simulated second. `name` is the
 * controller's name in `--controllers` (so a control-plane fault can switch one off). Adding a controller
 * is one file and one line here; its state (plain JSON) is carried in snapshots under its name.
 */
export interface ControllerEntry {
  name: string;
  create(state: unknown | undefined, nowMs: number): Component<unknown>;
}

export const CONTROLLERS: readonly ControllerEntry[] = [
  { name: 'nodelifecycle', create: (s, now) => new NodeLifecycleReconciler((s as NodeLifecycleState) ?? { lastRunMs: now }) },
  { name: 'taint-eviction-controller', create: (s) => new TaintEvictionReconciler(s as TaintEvictionState | undefined) },
  { name: 'namespace', create: () => new NamespaceReconciler() },
  { name: 'deployment', create: () => new DeploymentReconciler() },
  { name: 'replicaset', create: (s) => new ReplicaSetReconciler(s as ReplicaSetControllerState | undefined) },
  { name: 'garbagecollector', create: () => new GarbageCollectorReconciler() },
  { name: 'endpoint', create: (s) => new EndpointsReconciler(s as EndpointsState | undefined) },
  { name: 'endpointslice', create: () => new EndpointSliceReconciler() },
  { name: 'persistentvolume-binder', create: (s) => new PersistentVolumeBinderReconciler(s as PersistentVolumeBinderState | undefined) },
  { name: 'job', create: (s) => new JobReconciler(s as JobState | undefined) },
  { name: 'resourcequota', create: () => new ResourceQuotaReconciler() },
  { name: 'disruption', create: () => new DisruptionReconciler() },
];
