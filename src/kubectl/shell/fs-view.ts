import { VirtualFs } from './vfs';

/** Read-only files every workstation has; the player's own files (the VFS) shadow them. */
export const SYSTEM_FILES: Record<string, string> = {
  '/etc/hostname': 'workstation\n',
  '/etc/hosts': '127.0.0.1\tlocalhost\n172.18.0.1\tworkstation\n',
  '/etc/os-release': 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION="12 (bookworm)"\nVERSION_CODENAME=bookworm\nID=debian\n',
  '/etc/resolv.conf': 'nameserver 172.18.0.1\n',
};

export type ReadResult = { ok: true; content: string } | { ok: false; error: 'missing' | 'directory' };

export function readPath(vfs: VirtualFs, path: string): ReadResult {
  const own = vfs.read(path);
  if (own !== undefined && !path.endsWith('/')) return { ok: true, content: own };
  if (path in SYSTEM_FILES) return { ok: true, content: SYSTEM_FILES[path] };
  return { ok: false, error: isDirectory(vfs, path) ? 'directory' : 'missing' };
}

export function isDirectory(vfs: VirtualFs, path: string): boolean {
  return vfs.isDir(path) || Object.keys(SYSTEM_FILES).some((k) => k.startsWith(`${path === '/' ? '' : path}/`));
}

export function listDirectory(vfs: VirtualFs, path: string): string[] {
  const names = new Set(vfs.list(path));
  const prefix = path === '/' ? '/' : `${path}/`;
  for (const k of Object.keys(SYSTEM_FILES)) {
    if (!k.startsWith(prefix)) continue;
    const rest = k.slice(prefix.length);
    names.add(rest.includes('/') ? `${rest.slice(0, rest.indexOf('/'))}/` : rest);
  }
  return [...names].sort();
}
