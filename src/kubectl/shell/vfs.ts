/**
 * The player's per-session file system: a plain JSON map of absolute path → content, so it snapshots with
 * the session. Directories are implicit (any path prefix of a file), or explicit entries ending in `/`.
 */
export type VfsData = Record<string, string>;

export const HOME = '/root';

export class VirtualFs {
  private readonly files: VfsData;

  constructor(data: VfsData = {}) {
    this.files = { ...data };
  }

  /** A view that reads and writes `files` in place (a node's disk held by the engine). */
  static over(files: VfsData): VirtualFs {
    const fs = new VirtualFs();
    (fs as unknown as { files: VfsData }).files = files;
    return fs;
  }

  /** Absolute, normalised path for `path` typed in `cwd` (`~`, `.`, `..` understood). */
  static resolve(path: string, cwd = HOME): string {
    let p = path;
    if (p === '~' || p.startsWith('~/')) p = HOME + p.slice(1);
    if (!p.startsWith('/')) p = `${cwd}/${p}`;
    const parts: string[] = [];
    for (const part of p.split('/')) {
      if (part === '' || part === '.') continue;
      if (part === '..') parts.pop();
      else parts.push(part);
    }
    return `/${parts.join('/')}`;
  }

  read(path: string): string | undefined {
    return this.files[path];
  }

  write(path: string, content: string): void {
    this.files[path] = content;
  }

  append(path: string, content: string): void {
    this.files[path] = (this.files[path] ?? '') + content;
  }

  remove(path: string): boolean {
    if (!(path in this.files)) return false;
    delete this.files[path];
    return true;
  }

  isFile(path: string): boolean {
    return path in this.files && !path.endsWith('/');
  }

  isDir(path: string): boolean {
    if (path === '/' || path === HOME) return true;
    const prefix = `${path}/`;
    return Object.keys(this.files).some((k) => k.startsWith(prefix));
  }

  mkdir(path: string): void {
    if (!this.isDir(path)) this.files[`${path}/`] = '';
  }

  /** Immediate children of a directory: file names, and sub-directory names with a trailing `/`. */
  list(dir: string): string[] {
    const prefix = dir === '/' ? '/' : `${dir}/`;
    const names = new Set<string>();
    for (const key of Object.keys(this.files)) {
      if (!key.startsWith(prefix) || key === prefix) continue;
      const rest = key.slice(prefix.length);
      const slash = rest.indexOf('/');
      names.add(slash < 0 ? rest : `${rest.slice(0, slash)}/`);
    }
    return [...names].sort();
  }

  toJSON(): VfsData {
    return { ...this.files };
  }
}
