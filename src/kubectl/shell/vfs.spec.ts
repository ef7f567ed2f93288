import { VirtualFs } from './vfs';

describe('VirtualFs', () => {
  it.each([
    ['pod.yaml', '/root', '/root/pod.yaml'],
    ['~/x', '/tmp', '/root/x'],
    ['../etc/./hosts', '/root', '/etc/hosts'],
    ['/a//b/', '/root', '/a/b'],
    ['..', '/', '/'],
  ])('resolves %s in %s to %s', (path, cwd, expected) => {
    expect(VirtualFs.resolve(path, cwd)).toBe(expected);
  });

  it('writes, appends, lists and removes files, and round-trips through JSON', () => {
    const fs = new VirtualFs();
    fs.write('/root/a.yaml', 'a');
    fs.append('/root/a.yaml', 'b');
    fs.write('/root/manifests/web.yaml', 'w');
    fs.mkdir('/root/empty');
    expect(fs.read('/root/a.yaml')).toBe('ab');
    expect(fs.list('/root')).toEqual(['a.yaml', 'empty/', 'manifests/']);
    expect(fs.isDir('/root/manifests')).toBe(true);
    expect(fs.isFile('/root/manifests')).toBe(false);
    const copy = new VirtualFs(JSON.parse(JSON.stringify(fs)));
    expect(copy.read('/root/manifests/web.yaml')).toBe('w');
    expect(copy.remove('/root/a.yaml')).toBe(true);
    expect(copy.remove('/root/a.yaml')).toBe(false);
    expect(fs.read('/root/a.yaml')).toBe('ab');
  });
});
