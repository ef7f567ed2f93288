import type { ClusterView, ClusterViewNode, ClusterViewPod } from '../../../src/game/protocol/cluster-view.messages';
import { el } from '../dom';
import { STATUS_WORDS, statusClass } from '../pod-status';

export interface ClusterViewHandlers {
  describe(kind: 'pod' | 'node', namespace: string | undefined, name: string): void;
}

/** Healthy kube-system pods are hidden unless asked for; a broken one always shows. */
function visible(pod: ClusterViewPod, showSystem: boolean): boolean {
  return showSystem || pod.namespace !== 'kube-system' || statusClass(pod.status, pod.ready) !== 's-ok';
}

/** Draws nodes as boxes with their pods inside, unscheduled pods apart; pods whose status changed flash once. */
export class ClusterViewRenderer {
  private previous = new Map<string, string>();

  constructor(
    private readonly root: HTMLElement,
    private readonly handlers: ClusterViewHandlers,
  ) {}

  clear(message: string): void {
    this.previous.clear();
    this.root.replaceChildren(el('p', { className: 'muted', text: message }));
  }

  render(view: ClusterView, showSystem: boolean): void {
    const nodeNames = new Set(view.nodes.map((n) => n.name));
    const pods = view.pods.filter((p) => visible(p, showSystem));
    const next = new Map(view.pods.map((p) => [`${p.namespace}/${p.name}`, `${p.status} ${p.ready}`]));
    const boxes = view.nodes.map((node) => this.nodeBox(node, pods.filter((p) => p.node === node.name), next));
    const unscheduled = pods.filter((p) => p.node === null || !nodeNames.has(p.node));
    const rest = el(
      'section',
      { className: 'unscheduled' },
      el('div', { className: 'node-head' }, el('strong', { text: 'Unscheduled' }), el('span', { className: 'muted node-status', text: `${unscheduled.length} pod${unscheduled.length === 1 ? '' : 's'}` })),
      unscheduled.length > 0 ? this.podList(unscheduled, next) : el('p', { className: 'muted', text: 'Every pod has a node.' }),
    );
    rest.setAttribute('aria-label', 'Unscheduled pods');
    rest.id = 'unscheduled';
    this.root.replaceChildren(...boxes, rest);
    this.previous = next;
  }

  private nodeBox(node: ClusterViewNode, pods: ClusterViewPod[], next: Map<string, string>): HTMLElement {
    const title = el('button', { className: 'link', text: node.name, title: `kubectl describe node ${node.name}` });
    title.type = 'button';
    title.addEventListener('click', () => this.handlers.describe('node', undefined, node.name));
    const chips = [
      ...node.roles.map((r) => el('li', { className: 'chip', text: r })),
      ...node.conditions.map((c) => el('li', { className: 'chip condition', text: `${c.type}=${c.status}`, title: `${c.reason}: ${c.message}` })),
      ...node.taints.map((t) => el('li', { className: 'chip taint', text: t, title: 'taint' })),
    ];
    const box = el(
      'section',
      { className: `node${node.ready ? '' : ' not-ready'}${node.unschedulable ? ' cordoned' : ''}` },
      el('div', { className: 'node-head' }, title, el('span', { className: 'node-status', text: node.status })),
      ...(chips.length > 0 ? [el('ul', { className: 'chips' }, ...chips)] : []),
      pods.length > 0 ? this.podList(pods, next) : el('p', { className: 'muted', text: 'No pods.' }),
    );
    box.dataset.node = node.name;
    box.setAttribute('aria-label', `Node ${node.name}, ${node.status}`);
    return box;
  }

  private podList(pods: ClusterViewPod[], next: Map<string, string>): HTMLElement {
    return el('ul', { className: 'pods' }, ...pods.map((p) => el('li', {}, this.podButton(p, next))));
  }

  private podButton(pod: ClusterViewPod, next: Map<string, string>): HTMLElement {
    const key = `${pod.namespace}/${pod.name}`;
    const cls = statusClass(pod.status, pod.ready);
    const changed = this.previous.has(key) && this.previous.get(key) !== next.get(key);
    const label = pod.namespace === 'default' ? pod.name : key;
    const restarts = pod.restarts > 0 ? ` ↻${pod.restarts}` : '';
    const button = el(
      'button',
      { className: `pod ${cls}${changed ? ' changed' : ''}`, title: `kubectl describe pod ${pod.name} -n ${pod.namespace}` },
      el('span', { text: label }),
      el('span', { className: 'st', text: `${pod.status} ${pod.ready}${restarts}` }),
    );
    button.type = 'button';
    button.dataset.pod = key;
    button.dataset.status = pod.status;
    button.setAttribute('aria-label', `Pod ${key}: ${pod.status}, ${pod.ready} ready (${STATUS_WORDS[cls]})${restarts ? `, ${pod.restarts} restarts` : ''}`);
    button.addEventListener('click', () => this.handlers.describe('pod', pod.namespace, pod.name));
    return button;
  }
}
