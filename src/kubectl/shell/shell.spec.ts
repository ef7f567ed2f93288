import { pod, testShell } from '../testing/fixture';
import { Shell } from './shell';

function scene() {
  const t = testShell([pod('web', 'nginx:1.27'), pod('web-2', 'nginx:1.27'), pod('crash', 'busybox:crash')]);
  t.cluster.tick(60_000);
  return t;
}

describe('Shell pipelines and builtins', () => {
  it.each<[string, string]>([
    ['kubectl get pods | grep web', 'web     1/1     Running            0             60s\nweb-2   1/1     Running            0             60s\n'],
    ['kubectl get pods --no-headers | grep -v Running', 'crash   0/1   CrashLoopBackOff   3 (18s ago)   60s\n'],
    ['kubectl get pods | grep -c -i WEB', '2\n'],
    ['kubectl get pods -o name | grep -E "web-[0-9]"', 'pod/web-2\n'],
    ['kubectl get pods -o name | grep "crash\\|web-2"', 'pod/crash\npod/web-2\n'],
    ['kubectl get pods -o name | head -n 1', 'pod/crash\n'],
    ['kubectl get pods -o name | head -2', 'pod/crash\npod/web\n'],
    ['kubectl get pods -o name | tail -n 1', 'pod/web-2\n'],
    ['kubectl get pods -o name | tail -n +3', 'pod/web-2\n'],
    ['kubectl get pods -o name | wc -l', '3\n'],
    ['kubectl get pods -o name | sort -r', 'pod/web-2\npod/web\npod/crash\n'],
    ['echo "b a c" | wc -w', '3\n'],
    ['echo hello', 'hello\n'],
    ['echo -n hi', 'hi'],
    ['echo -e "a\\tb"', 'a\tb\n'],
    ['echo $HOME $?', '/root 0\n'],
    ['echo "$(kubectl get pods -o name | wc -l) pods"', '3 pods\n'],
    ['kubectl get pod $(echo web) -o name', 'pod/web\n'],
    ['false || echo fallback', 'fallback\n'],
    ['false && echo never', ''],
    ['true; echo $?', '0\n'],
    ['printf_missing=1; echo $printf_missing', '1\n'],
    ['echo c; echo a; echo b', 'c\na\nb\n'],
    ['echo -e "b\\na\\nb" | sort -u', 'a\nb\n'],
    ['echo -e "x\\nx\\ny" | uniq -c', '      2 x\n      1 y\n'],
    ['echo cGFzcw== | base64 -d', 'pass'],
    ['echo -n pass | base64', 'cGFzcw==\n'],
    ['kubectl get pods 2>&1 | grep -c NAME', '1\n'],
    ['k get po -o name | grep -q web && echo found', 'found\n'],
    ["kubectl get pods --no-headers | awk '$3 == \"Running\" {print $1}'", 'web\nweb-2\n'],
    ["kubectl get pods | awk 'NR>1 {print $1, $3}' | cut -d ' ' -f2 | sort -u", 'CrashLoopBackOff\nRunning\n'],
    ["kubectl get pods -o name | cut -d/ -f2 | xargs echo", 'crash web web-2\n'],
  ])('%s', (line, stdout) => {
    const r = scene().run(line);
    expect(r.stdout).toBe(stdout);
  });

  it('writes, appends and reads files in the VFS', () => {
    const t = scene();
    t.run('kubectl get pod web -o yaml > web.yaml');
    expect(t.vfs.read('/root/web.yaml')).toMatch(/^apiVersion: v1\nkind: Pod\n/);
    t.run('echo one > notes.txt; echo two >> notes.txt');
    expect(t.run('cat notes.txt').stdout).toBe('one\ntwo\n');
    expect(t.run('grep -n two notes.txt').stdout).toBe('2:two\n');
    expect(t.run('wc -l notes.txt').stdout).toBe('2 notes.txt\n');
    expect(t.run('head -1 < notes.txt').stdout).toBe('one\n');
    expect(t.run('ls').stdout).toBe('notes.txt  web.yaml\n');
    expect(t.run('ls *.txt').stdout).toBe('notes.txt\n');
    expect(t.run('mkdir manifests && cp web.yaml manifests/ && ls manifests').stdout).toBe('web.yaml\n');
    expect(t.run('rm notes.txt && cat notes.txt')).toEqual({ stdout: '', stderr: 'cat: notes.txt: No such file or directory\n', exitCode: 1 });
    expect(t.run('kubectl get pods nope 2>/dev/null')).toEqual({ stdout: '', stderr: '', exitCode: 1 });
    expect(t.run('kubectl get pods nope 2> err.txt; cat err.txt').stdout).toBe('Error from server (NotFound): pods "nope" not found\n');
  });

  it.each<[string, string]>([
    ["echo 'image: nginx:1.27' | sed 's/1.27/1.28/'", 'image: nginx:1.28\n'],
    ["echo 'a a a' | sed 's/a/b/g'", 'b b b\n'],
    ["echo 'key=value' | sed -E 's/(\\w+)=(\\w+)/\\2=\\1/'", 'value=key\n'],
    ["echo 'x' | sed 's/x/[&]/'", '[x]\n'],
    ["echo -e 'a\\nb\\nc' | sed '/b/d'", 'a\nc\n'],
    ["echo -e 'a\\nb\\nc' | sed -n 2p", 'b\n'],
    ["echo 'path/to' | sed 's|/|-|'", 'path-to\n'],
  ])('sed: %s', (line, stdout) => {
    expect(testShell().run(line).stdout).toBe(stdout);
  });

  it('sed -i edits a file in place', () => {
    const t = testShell();
    t.run("printf_none=1; echo 'image: nginx:1.27' > pod.yaml");
    expect(t.run("sed -i 's/nginx:1.27/nginx:1.28/' pod.yaml && cat pod.yaml").stdout).toBe('image: nginx:1.28\n');
    expect(t.run("sed 's/x/y/' nope.yaml").stderr).toBe("sed: can't read nope.yaml: No such file or directory\n");
  });

  it('lists /etc and reads system files', () => {
    const t = testShell();
    expect(t.run('ls /etc').stdout).toBe('hostname  hosts  os-release  resolv.conf\n');
    expect(t.run('cat /etc/hostname').stdout).toBe('workstation\n');
    expect(t.run('ls /etc/kubernetes')).toEqual({ stdout: '', stderr: "ls: cannot access '/etc/kubernetes': No such file or directory\n", exitCode: 2 });
  });

  it('runs here-documents, expanding variables only for unquoted delimiters', () => {
    const t = testShell();
    t.run('NAME=web');
    expect(t.run('cat <<EOF\nname: $NAME\nEOF').stdout).toBe('name: web\n');
    expect(t.run("cat <<'EOF'\nname: $NAME\nEOF").stdout).toBe('name: $NAME\n');
    const r = t.run('cat <<EOF\nunterminated');
    expect(r.stdout).toBe('unterminated\n');
    expect(r.stderr).toBe("bash: warning: here-document at line 1 delimited by end-of-file (wanted `EOF')\n");
  });

  it.each<[string, string, number]>([
    ['foo', 'bash: foo: command not found\n', 127],
    ['vim pod.yaml', "bash: vim: command not found\nhint: there is no editor here; write files with: cat > pod.yaml <<'EOF' … EOF\n", 127],
    ['echo "open', "bash: unexpected EOF while looking for matching `\"'\n", 2],
    ['| grep x', "bash: syntax error near unexpected token `|'\n", 2],
    ['grep', "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n", 2],
    ['cat missing.txt', 'cat: missing.txt: No such file or directory\n', 1],
    ['head -n x', "head: invalid number of lines: 'x'\n", 1],
    ['grep -Z x', "grep: invalid option -- 'Z'\nTry 'grep --help' for more information.\n", 2],
    ['cd nowhere', 'bash: cd: nowhere: No such file or directory\n', 1],
  ])('%s fails like bash', (line, stderr, exitCode) => {
    expect(testShell().run(line)).toEqual({ stdout: '', stderr, exitCode });
  });

  it('grep exits 1 when nothing matches', () => {
    expect(testShell().run('echo abc | grep xyz')).toEqual({ stdout: '', stderr: '', exitCode: 1 });
  });

  it('clears the screen and prints help', () => {
    const t = testShell();
    expect(t.run('clear').stdout).toBe('\x1b[H\x1b[2J\x1b[3J');
    expect(t.run('help').stdout).toMatch(/\n {2}grep +print lines matching a pattern/);
  });

  it('tracks cwd and prompt, and continues from saved state', () => {
    const t = testShell();
    expect(t.shell.prompt()).toBe('root@workstation:~# ');
    t.run('mkdir -p work && cd work && echo x > a.txt');
    expect(t.run('pwd').stdout).toBe('/root/work\n');
    expect(t.shell.prompt()).toBe('root@workstation:~/work# ');
    const again = new Shell(t.cluster, t.vfs, { state: JSON.parse(JSON.stringify(t.shell.state)) });
    expect(again.run('cat a.txt').stdout).toBe('x\n');
  });

  it('reports incomplete input for multi-line typing', () => {
    expect(Shell.isIncomplete("cat <<'EOF'\nkind: Pod")).toBe(true);
    expect(Shell.isIncomplete("cat <<'EOF'\nkind: Pod\nEOF")).toBe(false);
  });

  it('hands ssh, systemctl and exit to the node shell', () => {
    const t = testShell();
    expect(t.run('ssh worker-1').stdout).toContain('worker-1');
    expect(t.shell.prompt()).toBe('root@worker-1:~# ');
    t.run('sudo systemctl stop kubelet');
    expect(t.cluster.isKubeletRunning('worker-1')).toBe(false);
    t.run('exit');
    expect(t.shell.prompt()).toBe('root@workstation:~# ');
  });
});

describe('history', () => {
  it('lists what was typed', () => {
    const t = scene();
    t.run('kubectl get pods');
    expect(t.run('history').stdout).toBe('    1  kubectl get pods\n    2  history\n');
  });
});
