/** Wire shapes of the live cluster view (the browser draws it beside the terminal). Type-only. */
import type { ClusterView, ClusterViewNode, ClusterViewPod } from '../../scenarios/session.types';

export type { ClusterView, ClusterViewNode, ClusterViewPod };

/** Pushed to the attempt's room once on start/resume and after a tick or command whenever the view changed. */
export interface ClusterViewPush {
  attemptId: string;
  view: ClusterView;
}

/** `kubectl describe` of one object of one's own attempt (e.g. a pod clicked in the cluster view). */
export interface ClusterDescribeRequest {
  attemptId: string;
  /** a kind as kubectl takes it: `pod`, `pods`, `po`, `node`… */
  kind: string;
  /** defaults to `default` for namespaced kinds; ignored for cluster-scoped ones */
  namespace?: string;
  name: string;
}

export interface ClusterDescribeResponse {
  text: string;
}
