import { Deployment, KubeObject, Pod, PodTemplateSpec, ReplicaSet } from './types';
import { applyDefaults } from './defaults';
import { malformedPodSpec } from './apps.validation';

/** `pkg/apis/apps/v1/defaults.go` SetDefaults_Deployment (fidelity §6). */
export function defaultDeployment(obj: KubeObject): void {
  const d = obj as Deployment;
  if (!isObject(d.spec)) return;
  const spec = d.spec;
  spec.replicas ??= 1;
  spec.strategy ??= {};
  if (isObject(spec.strategy)) {
    spec.strategy.type ??= 'RollingUpdate';
    if (spec.strategy.type === 'RollingUpdate') {
      spec.strategy.rollingUpdate ??= {};
      if (isObject(spec.strategy.rollingUpdate)) {
        spec.strategy.rollingUpdate.maxUnavailable ??= '25%';
        spec.strategy.rollingUpdate.maxSurge ??= '25%';
      }
    }
  }
  spec.revisionHistoryLimit ??= 10;
  spec.progressDeadlineSeconds ??= 600;
  defaultTemplate(spec.template);
  if (d.status === undefined || !isObject(d.status)) d.status = {};
}

/** SetDefaults_ReplicaSet: replicas 1, and the template's pod defaults. */
export function defaultReplicaSet(obj: KubeObject): void {
  const rs = obj as ReplicaSet;
  if (!isObject(rs.spec)) return;
  rs.spec.replicas ??= 1;
  defaultTemplate(rs.spec.template);
  if (rs.status === undefined || !isObject(rs.status)) rs.status = { replicas: 0 };
}

/** A pod template gets the pod spec defaults (not the pod's status or admission-time fields). */
export function defaultTemplate(template: PodTemplateSpec | undefined): void {
  if (!isObject(template) || !isObject(template.spec) || malformedPodSpec(template.spec)) return;
  if (template.metadata === undefined) template.metadata = {};
  const probe = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'template' }, spec: template.spec, status: {} } as Pod;
  applyDefaults(probe);
  // SetDefaults_Pod (not SetDefaults_PodSpec) sets these: templates do not get them.
  delete probe.spec.preemptionPolicy;
  delete probe.spec.enableServiceLinks;
  template.spec = probe.spec;
}

function isObject(v: unknown): v is Record<string, any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
