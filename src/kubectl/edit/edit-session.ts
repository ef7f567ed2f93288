import { ApiError, Cluster, KubeObject, isKnownKind, kindInfo, qualifiedResource } from '../../cluster-engine';
import { conflict } from '../../cluster-engine/api/errors';
import { decodeError } from '../../cluster-engine/api/decode/decode';
import { KubectlError } from '../errors';
import { applyTwoWay } from '../manifests/two-way';
import { parseManifests } from '../manifests/parse';
import { objectName } from '../printers/object-printer';
import { toJson } from '../printers/json-printer';
import { toYaml } from '../printers/yaml-printer';
import { CommandResult, Output, PendingEdit } from '../result';
import { VirtualFs } from '../shell/vfs';
import { hashOnLineBreak, hasLines, manualStrip, stripComments } from './strip';

const HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`;

interface Reason {
  head: string;
  other: string[];
}

export interface EditOptions {
  cluster: Cluster;
  vfs: VirtualFs;
  /** the namespace of the command (`-n` or the context's): edited objects must stay in it */
  namespace: string;
  /** the editor's format: YAML with the header comment, or JSON without */
  format: 'yaml' | 'json';
  /** `-o`: how edited objects are reported ('' → `deployment.apps/web edited`) */
  output: string;
}

/** The temp file name os.CreateTemp would pick (a decimal uint32), drawn deterministically from the edit's state. */
function tempPath(seed: string, ext: string): string {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619) >>> 0;
  return `/tmp/kubectl-edit-${h}${ext}`;
}

function withoutManagedFields(obj: KubeObject): KubeObject {
  const copy = structuredClone(obj);
  delete copy.metadata.managedFields;
  return copy;
}

/**
 * kubectl's edit loop (cmd/util/editor/editoptions.go), one editor round per `save`: unchanged → cancelled;
 * a syntax error or an Invalid answer reopens the file with the reasons as comments on top; a conflict or
 * another error leaves the file in /tmp and says how to retry; otherwise each changed object is patched
 * (a two-way patch from what was shown to what was saved, applied to the live object) and reported `edited`.
 */
export class EditLoop {
  private readonly originals: KubeObject[];
  /** the buffer first shown, without comments: "no changes" is measured against it */
  private readonly original: string;
  private attempt = 0;
  private path = '';
  private shown = '';
  /** the last saved text, when it came back with errors (a second identical save gives up) */
  private edited?: string;
  private done = false;

  constructor(
    private readonly opts: EditOptions,
    objects: KubeObject[],
  ) {
    this.originals = objects.map(withoutManagedFields);
    const data = this.originals.length === 1 ? this.originals[0] : { apiVersion: 'v1', items: this.originals, kind: 'List', metadata: {} };
    this.original = opts.format === 'json' ? toJson(data) : toYaml(data);
  }

  /** The first editor round. */
  open(): CommandResult {
    return this.reopen([], this.original, new Output());
  }

  private get ext(): string {
    return this.opts.format === 'json' ? '.json' : '.yaml';
  }

  private reopen(reasons: Reason[], body: string, out: Output): CommandResult {
    this.attempt++;
    const names = this.originals.map((o) => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`).join(',');
    this.path = tempPath(`${this.opts.cluster.nowMs()}|${this.opts.cluster.resourceVersion}|${names}|${this.attempt}`, this.ext);
    let header = '';
    // JSON has no comments: kubectl then writes no header, and no reasons either.
    if (this.opts.format === 'yaml') {
      header = HEADER;
      for (const r of reasons) {
        header += r.other.length ? `# ${hashOnLineBreak(r.head)}:\n` : `# ${hashOnLineBreak(r.head)}\n`;
        for (const o of r.other) header += `# * ${hashOnLineBreak(o)}\n`;
        header += '#\n';
      }
    }
    this.shown = header + body;
    const result = out.result();
    const edit: PendingEdit = { text: this.shown, path: this.path, save: (text) => this.save(text), cancel: () => this.save(this.shown) };
    return { ...result, edit };
  }

  /** The file was saved with `text` and the editor closed. */
  save(text: string): CommandResult {
    if (this.done) return { stdout: '', stderr: 'error: this edit has already finished\n', exitCode: 1 };
    const out = new Output();
    if (this.edited !== undefined && stripComments(this.edited) === stripComments(text)) {
      return this.finish(out.err(`${this.preserved(text)}error: Edit cancelled, no valid changes were saved.\n`));
    }
    if (stripComments(this.original) === stripComments(text)) return this.finish(out.warn('Edit cancelled, no changes made.\n'));
    if (!hasLines(text)) return this.finish(out.warn('Edit cancelled, saved file was empty.\n'));

    let updated: KubeObject[];
    try {
      updated = parseManifests(text, 'edited-file');
    } catch (e) {
      if (!(e instanceof KubectlError)) throw e;
      this.edited = text;
      return this.reopen([{ head: `The edited file had a syntax error: ${e.message}`, other: [] }], manualStrip(text), out);
    }
    this.edited = undefined;

    for (const obj of updated) {
      const ns = obj.metadata?.namespace;
      if (ns && isKnownKind(obj.kind) && kindInfo(obj.kind).namespaced && ns !== this.opts.namespace) {
        return this.finish(
          out.err(`${this.preserved(text)}error: the namespace from the provided object "${ns}" does not match the namespace "${this.opts.namespace}". You must pass '--namespace=${ns}' to perform this operation.\n`),
        );
      }
    }

    const reasons: Reason[] = [];
    let retryable = 0;
    let notFound = 0;
    for (const obj of updated) {
      const before = this.originals.find((o) => o.metadata.uid !== undefined && o.metadata.uid === obj.metadata?.uid);
      if (!before) return this.finish(out.err(`${this.preserved(text)}error: no original object found for ${obj.kind}/${obj.metadata?.name ?? ''}\n`));
      if (JSON.stringify(before) === JSON.stringify(obj)) {
        out.out(this.report(before, 'skipped'));
        continue;
      }
      if (obj.apiVersion !== before.apiVersion || obj.kind !== before.kind || obj.metadata?.name !== before.metadata.name) {
        return this.finish(out.err(`${this.preserved(text)}error: At least one of apiVersion, kind and name was changed\n`));
      }
      const resource = qualifiedResource(before.kind);
      try {
        const saved = this.patch(before, obj);
        out.out(this.report(saved, 'edited'));
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        const s = e.status;
        if (s.reason === 'Invalid') {
          reasons.push({ head: `${resource} "${before.metadata.name}" was not valid`, other: (s.details?.causes ?? []).map((c) => `${c.field}: ${c.message}`) });
          out.err(`error: ${resource} "${before.metadata.name}" is invalid\n`);
        } else if (s.reason === 'NotFound') {
          notFound++;
          out.err(`error: ${resource} "${before.metadata.name}" could not be found on the server\n`);
        } else {
          retryable++;
          out.err(`error: ${resource} "${before.metadata.name}" could not be patched: ${s.message}\n`);
        }
      }
    }
    if (retryable > 0) {
      this.keep(text);
      return this.finish(out.err(`You can run \`kubectl replace -f ${this.path}\` to try this update again.\n`));
    }
    if (notFound > 0) {
      this.keep(text);
      return this.finish(out.err(`The edits you made on deleted resources have been saved to "${this.path}"\n`));
    }
    if (reasons.length === 0) return this.finish(out);
    // Invalid: back to the editor with what the API server said, keeping the player's text.
    this.edited = text;
    // The command is still running (the editor is open again), so it has no exit status yet.
    out.exitCode = 0;
    return this.reopen(reasons, manualStrip(text), out);
  }

  /** PATCH: the change from what was shown to what was saved, applied to the object as it is now. */
  private patch(before: KubeObject, edited: KubeObject): KubeObject {
    const api = this.opts.cluster.api;
    const live = api.get(before.kind, before.metadata.namespace, before.metadata.name);
    const merged = applyTwoWay(live, before, edited) as KubeObject;
    // The patch carries resourceVersion only when the player changed it: then it is a precondition.
    const rv = edited.metadata?.resourceVersion;
    if (rv !== before.metadata.resourceVersion) {
      if (rv !== undefined && rv !== live.metadata.resourceVersion) throw conflict(before.kind, before.metadata.name);
    } else merged.metadata.resourceVersion = live.metadata.resourceVersion;
    // The main resource ignores status; the subresource keeps it.
    merged.status = live.status;
    const bad = decodeError(merged);
    if (bad) throw bad;
    return api.update(merged);
  }

  private report(obj: KubeObject, operation: string): string {
    if (this.opts.output === 'json') return toJson(obj);
    if (this.opts.output === 'yaml') return toYaml(obj);
    if (this.opts.output === 'name') return `${objectName(obj)}\n`;
    return `${objectName(obj)} ${operation}\n`;
  }

  /** preservedFile: the saved text stays in /tmp, and kubectl says where. */
  private preserved(text: string): string {
    this.keep(text);
    return `A copy of your changes has been stored to "${this.path}"\n`;
  }

  private keep(text: string): void {
    this.opts.vfs.write(this.path, text);
  }

  private finish(out: Output): CommandResult {
    this.done = true;
    return out.result();
  }
}
