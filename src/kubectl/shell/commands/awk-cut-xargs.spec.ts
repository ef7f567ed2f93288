import { testShell } from '../../testing/fixture';
import { pod } from '../../testing/fixture';

const TABLE = 'NAME   READY   STATUS    RESTARTS   AGE\nweb    1/1     Running   0          5m\napi    0/1     Pending   0          2m\ndb     1/1     Running   3          9m\n';

function shell() {
  const t = testShell();
  t.vfs.write('/root/pods.txt', TABLE);
  t.vfs.write('/root/lines.txt', 'a,b\nnodelim\n');
  return t;
}

describe('awk', () => {
  const run = (line: string) => shell().run(line);
  it.each<[string, string]>([
    [`cat pods.txt | awk '{print $1}'`, 'NAME\nweb\napi\ndb\n'],
    [`cat pods.txt | awk 'NR>1 {print $1, $3}'`, 'web Running\napi Pending\ndb Running\n'],
    [`cat pods.txt | awk 'NR > 1 && $3 == "Running" { print $1 }'`, 'web\ndb\n'],
    [`cat pods.txt | awk '$3 != "Running"'`, 'NAME   READY   STATUS    RESTARTS   AGE\napi    0/1     Pending   0          2m\n'],
    [`cat pods.txt | awk '/Pending/ {print $NF}'`, '2m\n'],
    [`cat pods.txt | awk 'NR>1 {print $(NF-1)}'`, '0\n0\n3\n'],
    [`cat pods.txt | awk 'NR>1 {sum += $4} END {print "restarts:", sum}'`, 'restarts: 3\n'],
    [`cat pods.txt | awk 'NR>1 {n++} END {print n}'`, '3\n'],
    [`cat pods.txt | awk '$1 ~ /^w/ {print toupper($1) "-" length($1)}'`, 'WEB-3\n'],
    [`cat pods.txt | awk 'NR==2 {printf "%-5s|%3d|\\n", $1, $4}'`, 'web  |  0|\n'],
    [`cat pods.txt | awk 'NR > 1 { if ($4 > 0) print $1; else next }'`, 'db\n'],
    ["echo 'root:x:0:0:root:/root:/bin/bash' | awk -F: '{print $1, $7}'", 'root /bin/bash\n'],
    ["echo 'a,b,c' | awk -F, -v OFS=- '{print $1, $3}'", 'a-c\n'],
    ["echo 'a b' | awk -v who=you '{print who, $2}'", 'you b\n'],
    ["echo x | awk 'BEGIN {print \"start\"} END {print NR}'", 'start\n1\n'],
  ])('%s', (line, stdout) => {
    expect(run(line)).toEqual({ stdout, stderr: '', exitCode: 0 });
  });

  it('reports program errors as awk does, and reads files', () => {
    const t = testShell();
    expect(t.run("echo x | awk '{print $1'")).toMatchObject({ exitCode: 2, stderr: expect.stringMatching(/^awk: syntax error/) });
    expect(t.run('awk')).toMatchObject({ exitCode: 2, stderr: expect.stringMatching(/^usage: awk/) });
    t.vfs.write('/root/f.txt', 'a 1\nb 2\n');
    expect(t.run("awk '{print $2}' f.txt").stdout).toBe('1\n2\n');
    expect(t.run("awk '{print}' nope.txt")).toEqual({ stdout: '', stderr: 'awk: nope.txt: No such file or directory\n', exitCode: 2 });
  });

  it('works on real kubectl output', () => {
    const t = testShell([pod('web', 'nginx:1.27'), pod('api', 'nginx:1.27')]);
    t.cluster.tick(20_000);
    expect(t.run("kubectl get pods --no-headers | awk '{print $1}' | sort").stdout).toBe('api\nweb\n');
  });
});

describe('cut', () => {
  const run = (line: string) => shell().run(line);
  it.each<[string, string, string, number]>([
    ["echo 'root:x:0:0:root:/root:/bin/bash' | cut -d: -f1,7", 'root:/bin/bash\n', '', 0],
    ["echo 'a,b,c,d' | cut -d ',' -f 2-", 'b,c,d\n', '', 0],
    ["echo 'a,b,c,d' | cut -d, -f-2", 'a,b\n', '', 0],
    ["cat lines.txt | cut -d, -f2", 'b\nnodelim\n', '', 0],
    ["cat lines.txt | cut -s -d, -f2", 'b\n', '', 0],
    ["echo 'kubernetes' | cut -c1-4", 'kube\n', '', 0],
    ['echo x | cut', '', "cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n", 1],
    ['echo x | cut -f0', '', "cut: invalid field value '0'\nTry 'cut --help' for more information.\n", 1],
    ["echo x | cut -d ab -f1", '', "cut: the delimiter must be a single character\nTry 'cut --help' for more information.\n", 1],
  ])('%s', (line, stdout, stderr, exitCode) => {
    expect(run(line)).toEqual({ stdout, stderr, exitCode });
  });
});

describe('xargs', () => {
  it('runs a command with the words of stdin, also kubectl', () => {
    const t = testShell([pod('web', 'nginx:1.27'), pod('api', 'nginx:1.27')]);
    t.cluster.tick(5_000);
    t.vfs.write('/root/ab.txt', 'a\nb\n');
    expect(t.run('echo a b c | xargs echo items:')).toEqual({ stdout: 'items: a b c\n', stderr: '', exitCode: 0 });
    expect(t.run('echo a b c | xargs -n 1 echo x')).toEqual({ stdout: 'x a\nx b\nx c\n', stderr: '', exitCode: 0 });
    expect(t.run("cat ab.txt | xargs -I {} echo [{}]")).toEqual({ stdout: '[a]\n[b]\n', stderr: '', exitCode: 0 });
    expect(t.run('echo | xargs -r echo never').stdout).toBe('');
    expect(t.run('echo | xargs echo once').stdout).toBe('once\n');
    expect(t.run("kubectl get pods -o name | xargs kubectl delete --grace-period=0 --force").stdout).toBe('pod "api" force deleted\npod "web" force deleted\n');
    expect(t.run('echo a | xargs frob')).toEqual({ stdout: '', stderr: 'xargs: frob: No such file or directory\n', exitCode: 127 });
    expect(t.run('echo a | xargs false').exitCode).toBe(123);
  });
});

describe('history', () => {
  it('numbers the lines typed, keeps duplicates, and clears with -c', () => {
    const t = testShell();
    t.run('echo one');
    t.run('  ');
    t.run('kubectl get pods');
    t.run('echo one');
    expect(t.run('history').stdout).toBe('    1  echo one\n    2  kubectl get pods\n    3  echo one\n    4  history\n');
    expect(t.run('history 2').stdout).toBe('    4  history\n    5  history 2\n');
    expect(t.run('echo $(echo nested)').stdout).toBe('nested\n');
    expect(t.run('history 1').stdout).toBe('    7  history 1\n');
    t.run('history -c');
    expect(t.run('history').stdout).toBe('    1  history\n');
    expect(t.run('history x')).toEqual({ stdout: '', stderr: 'bash: history: x: numeric argument required\n', exitCode: 1 });
  });
});
