import { Pod, PodTemplateSpec } from '../../cluster-engine';
import { describeContainers } from './container';
import { printAnnotationsMultiline, printLabelsMultiline, printTolerationsMultiline } from './format';
import { LEVEL_1, PrefixWriter } from './prefix-writer';
import { describeVolumes } from './volumes';

/** `DescribePodTemplate`: the template's labels, containers (no status lines), volumes, node selectors and tolerations, indented by two. */
export function describePodTemplate(w: PrefixWriter, template: PodTemplateSpec | undefined): void {
  w.write(0, 'Pod Template:\n');
  if (!template) {
    w.write(LEVEL_1, '<unset>');
    return;
  }
  const meta = template.metadata ?? {};
  const spec = template.spec ?? { containers: [] };
  printLabelsMultiline(w, '  Labels', meta.labels as Record<string, string> | undefined);
  if (meta.annotations && Object.keys(meta.annotations).length) printAnnotationsMultiline(w, '  Annotations', meta.annotations as Record<string, string>);
  if (spec.serviceAccountName) w.write(LEVEL_1, `Service Account:\t${spec.serviceAccountName}\n`);
  // Templates have no pod yet: field references resolve to nothing, as kubectl's nil resolver does.
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: '' }, spec, status: {} } as Pod;
  if (spec.initContainers?.length) describeContainers(w, 'Init Containers', pod, spec.initContainers, undefined, '  ');
  describeContainers(w, 'Containers', pod, spec.containers ?? [], undefined, '  ');
  describeVolumes(w, spec.volumes, '  ');
  if (spec.priorityClassName) w.write(LEVEL_1, `Priority Class Name:\t${spec.priorityClassName}\n`);
  printLabelsMultiline(w, '  Node-Selectors', spec.nodeSelector);
  printTolerationsMultiline(w, '  Tolerations', spec.tolerations);
}
