import { ContainerStatus, Pod, PodStatus } from '../api/types';
import { summarizePod } from './pod.columns';
import { printTable } from './print-table';

const NOW = Date.parse('2025-01-15T10:00:00Z');
const ago = (s: number) => new Date(NOW - s * 1000).toISOString().replace('.000Z', 'Z');

function pod(status: PodStatus, opts: { containers?: string[]; init?: Array<{ name: string; sidecar?: boolean }>; deleting?: boolean } = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'default', creationTimestamp: ago(600), ...(opts.deleting ? { deletionTimestamp: ago(-30) } : {}) },
    spec: {
      containers: (opts.containers ?? ['app']).map((name) => ({ name, image: 'x' })),
      ...(opts.init ? { initContainers: opts.init.map((c) => ({ name: c.name, image: 'x', ...(c.sidecar ? { restartPolicy: 'Always' as const } : {}) })) } : {}),
    },
    status,
  };
}

function cs(name: string, state: ContainerStatus['state'], extra: Partial<ContainerStatus> = {}): ContainerStatus {
  return { name, state, lastState: {}, ready: false, restartCount: 0, image: 'x', imageID: '', ...extra };
}

const running = { running: { startedAt: ago(60) } };
const crashLast = (s: number) => ({ terminated: { exitCode: 1, reason: 'Error', finishedAt: ago(s), startedAt: ago(s + 2) } });

describe('summarizePod (printPod STATUS / READY / RESTARTS)', () => {
  it.each<[string, Pod, { ready: string; reason: string; restarts: string }]>([
    ['unscheduled Pending', pod({ phase: 'Pending' }), { ready: '0/1', reason: 'Pending', restarts: '0' }],
    ['ContainerCreating', pod({ phase: 'Pending', containerStatuses: [cs('app', { waiting: { reason: 'ContainerCreating' } })] }), { ready: '0/1', reason: 'ContainerCreating', restarts: '0' }],
    ['ImagePullBackOff', pod({ phase: 'Pending', containerStatuses: [cs('app', { waiting: { reason: 'ImagePullBackOff' } })] }), { ready: '0/1', reason: 'ImagePullBackOff', restarts: '0' }],
    ['Running 1/1', pod({ phase: 'Running', containerStatuses: [cs('app', running, { ready: true })] }), { ready: '1/1', reason: 'Running', restarts: '0' }],
    ['Running but unready', pod({ phase: 'Running', containerStatuses: [cs('app', running)] }), { ready: '0/1', reason: 'Running', restarts: '0' }],
    [
      'CrashLoopBackOff with last restart',
      pod({ phase: 'Running', containerStatuses: [cs('app', { waiting: { reason: 'CrashLoopBackOff' } }, { restartCount: 5, lastState: crashLast(43) })] }),
      { ready: '0/1', reason: 'CrashLoopBackOff', restarts: '5 (43s ago)' },
    ],
    [
      'Error right after exit',
      pod({ phase: 'Running', containerStatuses: [cs('app', { terminated: { exitCode: 1, reason: 'Error', finishedAt: ago(1) } }, { restartCount: 3, lastState: crashLast(40) })] }),
      { ready: '0/1', reason: 'Error', restarts: '3 (40s ago)' },
    ],
    ['ExitCode without reason', pod({ phase: 'Running', containerStatuses: [cs('app', { terminated: { exitCode: 2 } })] }), { ready: '0/1', reason: 'ExitCode:2', restarts: '0' }],
    ['Signal without reason', pod({ phase: 'Running', containerStatuses: [cs('app', { terminated: { exitCode: 137, signal: 9 } })] }), { ready: '0/1', reason: 'Signal:9', restarts: '0' }],
    ['Terminating', pod({ phase: 'Running', containerStatuses: [cs('app', running, { ready: true })] }, { deleting: true }), { ready: '1/1', reason: 'Terminating', restarts: '0' }],
    ['deleting a Succeeded pod keeps Completed', pod({ phase: 'Succeeded', containerStatuses: [cs('app', { terminated: { exitCode: 0, reason: 'Completed' } })] }, { deleting: true }), { ready: '0/1', reason: 'Completed', restarts: '0' }],
    ['NodeLost while deleting prints Unknown', pod({ phase: 'Running', reason: 'NodeLost', containerStatuses: [cs('app', running, { ready: true })] }, { deleting: true }), { ready: '1/1', reason: 'Unknown', restarts: '0' }],
    ['Evicted without container override', pod({ phase: 'Failed', reason: 'Evicted' }), { ready: '0/1', reason: 'Evicted', restarts: '0' }],
    ['Evicted overridden by the terminated reason', pod({ phase: 'Failed', reason: 'Evicted', containerStatuses: [cs('app', { terminated: { exitCode: 137, reason: 'ContainerStatusUnknown' } })] }), { ready: '0/1', reason: 'ContainerStatusUnknown', restarts: '0' }],
    ['SchedulingGated', pod({ phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] }), { ready: '0/1', reason: 'SchedulingGated', restarts: '0' }],
    [
      'Completed with another container running and Ready',
      pod({ phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }], containerStatuses: [cs('a', { terminated: { exitCode: 0, reason: 'Completed' } }), cs('b', running, { ready: true })] }, { containers: ['a', 'b'] }),
      { ready: '1/2', reason: 'Running', restarts: '0' },
    ],
    [
      'Completed with another container running, pod not Ready',
      pod({ phase: 'Running', conditions: [{ type: 'Ready', status: 'False' }], containerStatuses: [cs('a', { terminated: { exitCode: 0, reason: 'Completed' } }), cs('b', running, { ready: true })] }, { containers: ['a', 'b'] }),
      { ready: '1/2', reason: 'NotReady', restarts: '0' },
    ],
    [
      'the first container decides',
      pod({ phase: 'Running', containerStatuses: [cs('a', { waiting: { reason: 'CrashLoopBackOff' } }), cs('b', { waiting: { reason: 'ImagePullBackOff' } })] }, { containers: ['a', 'b'] }),
      { ready: '0/2', reason: 'CrashLoopBackOff', restarts: '0' },
    ],
    [
      'Init:0/2 while the first init container runs',
      pod({ phase: 'Pending', initContainerStatuses: [cs('i1', running), cs('i2', { waiting: { reason: 'PodInitializing' } })], containerStatuses: [cs('app', { waiting: { reason: 'PodInitializing' } })] }, { init: [{ name: 'i1' }, { name: 'i2' }] }),
      { ready: '0/1', reason: 'Init:0/2', restarts: '0' },
    ],
    [
      'Init:1/2 after the first finished',
      pod({ phase: 'Pending', initContainerStatuses: [cs('i1', { terminated: { exitCode: 0, reason: 'Completed' } }), cs('i2', running)] }, { init: [{ name: 'i1' }, { name: 'i2' }] }),
      { ready: '0/1', reason: 'Init:1/2', restarts: '0' },
    ],
    [
      'Init:CrashLoopBackOff counts init restarts',
      pod({ phase: 'Pending', initContainerStatuses: [cs('i1', { waiting: { reason: 'CrashLoopBackOff' } }, { restartCount: 2, lastState: crashLast(10) })] }, { init: [{ name: 'i1' }] }),
      { ready: '0/1', reason: 'Init:CrashLoopBackOff', restarts: '2 (10s ago)' },
    ],
    [
      'Init:Error',
      pod({ phase: 'Pending', initContainerStatuses: [cs('i1', { terminated: { exitCode: 1, reason: 'Error' } })] }, { init: [{ name: 'i1' }] }),
      { ready: '0/1', reason: 'Init:Error', restarts: '0' },
    ],
    [
      'Init:ExitCode:3 without a reason',
      pod({ phase: 'Pending', initContainerStatuses: [cs('i1', { terminated: { exitCode: 3 } })] }, { init: [{ name: 'i1' }] }),
      { ready: '0/1', reason: 'Init:ExitCode:3', restarts: '0' },
    ],
    [
      'initialized pod drops regular init restarts, keeps sidecar ones',
      pod(
        {
          phase: 'Running',
          conditions: [{ type: 'Initialized', status: 'True' }],
          initContainerStatuses: [cs('i1', { terminated: { exitCode: 0, reason: 'Completed' } }, { restartCount: 4 }), cs('side', running, { ready: true, started: true, restartCount: 1, lastState: crashLast(90) })],
          containerStatuses: [cs('app', running, { ready: true })],
        },
        { init: [{ name: 'i1' }, { name: 'side', sidecar: true }] },
      ),
      { ready: '2/2', reason: 'Running', restarts: '1 (90s ago)' },
    ],
  ])('%s', (_name, p, expected) => {
    expect(summarizePod(p, { nowMs: NOW })).toEqual(expected);
  });
});

describe('printTable(Pod)', () => {
  it('has the printers.go columns with wide ones at priority 1 and cells in column order', () => {
    const p = pod({ phase: 'Running', podIPs: [{ ip: '10.244.1.5' }], containerStatuses: [cs('app', running, { ready: true })] });
    p.spec.nodeName = 'worker-1';
    const t = printTable('Pod', [p], { nowMs: NOW });
    expect(t.columnDefinitions.map((c) => [c.name, c.priority])).toEqual([
      ['Name', 0], ['Ready', 0], ['Status', 0], ['Restarts', 0], ['Age', 0], ['IP', 1], ['Node', 1], ['Nominated Node', 1], ['Readiness Gates', 1],
    ]);
    expect(t.rows[0].cells).toEqual(['p', '1/1', 'Running', '0', '10m', '10.244.1.5', 'worker-1', '<none>', '<none>']);
    expect(t.rows[0].object).toEqual({ kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: p.metadata });
  });

  it('carries the full object when asked', () => {
    const p = pod({ phase: 'Pending' });
    expect(printTable('Pod', [p], { nowMs: NOW, includeObject: 'Object' }).rows[0].object).toEqual(p);
  });

  it('gives each row its own READY/STATUS/RESTARTS, and a pod changed in place prints its new state', () => {
    const a = pod({ phase: 'Running', containerStatuses: [cs('app', running, { ready: true })] });
    const b = pod({ phase: 'Running', containerStatuses: [cs('app', { waiting: { reason: 'CrashLoopBackOff' } }, { restartCount: 5, lastState: crashLast(43) })] });
    const cells = (t: ReturnType<typeof printTable>) => t.rows.map((r) => r.cells.slice(1, 4));
    expect(cells(printTable('Pod', [a, b, a], { nowMs: NOW }))).toEqual([['1/1', 'Running', '0'], ['0/1', 'CrashLoopBackOff', '5 (43s ago)'], ['1/1', 'Running', '0']]);
    a.status.containerStatuses = [cs('app', { waiting: { reason: 'ImagePullBackOff' } })];
    expect(cells(printTable('Pod', [a], { nowMs: NOW }))).toEqual([['0/1', 'ImagePullBackOff', '0']]);
    expect(cells(printTable('Pod', [b], { nowMs: NOW + 60_000 }))).toEqual([['0/1', 'CrashLoopBackOff', '5 (103s ago)']]);
  });

  it("copies each row's metadata unless the caller only reads the table (copy: false)", () => {
    const p = pod({ phase: 'Pending' });
    const copied = printTable('Pod', [p], { nowMs: NOW }).rows[0].object;
    expect(copied.metadata).toEqual(p.metadata);
    expect(copied.metadata).not.toBe(p.metadata);
    const shared = printTable('Pod', [p], { nowMs: NOW, copy: false });
    expect(shared.rows[0].object.metadata).toBe(p.metadata);
    expect(shared.columnDefinitions).toEqual(printTable('Pod', [p], { nowMs: NOW }).columnDefinitions);
    expect(Object.isFrozen(shared.columnDefinitions)).toBe(true);
  });
});
