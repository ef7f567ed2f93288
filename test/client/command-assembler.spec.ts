import { CommandAssembler, heredocTerminators } from '../../client/src/command-assembler';

describe('heredocTerminators', () => {
  it.each([
    ['kubectl get pods', []],
    ['kubectl apply -f - <<EOF', [{ word: 'EOF', stripTabs: false }]],
    ['cat <<-END', [{ word: 'END', stripTabs: true }]],
    ["kubectl apply -f - << 'YAML'", [{ word: 'YAML', stripTabs: false }]],
    ['cat <<"A" <<B', [{ word: 'A', stripTabs: false }, { word: 'B', stripTabs: false }]],
    ['grep x <<< "here-string"', []],
  ])('%s', (line, expected) => {
    expect(heredocTerminators(line)).toEqual(expected);
  });
});

describe('CommandAssembler', () => {
  it('passes plain lines straight through', () => {
    const a = new CommandAssembler();
    expect(a.push('kubectl get pods')).toBe('kubectl get pods');
    expect(a.continuing).toBe(false);
  });

  it('collects a heredoc until its terminator and returns the whole text', () => {
    const a = new CommandAssembler();
    const lines = ['kubectl apply -f - <<EOF', 'kind: Pod', '  EOF', 'EOF'];
    const results = lines.map((l) => a.push(l));
    expect(results).toEqual([null, null, null, lines.join('\n')]);
    expect(a.continuing).toBe(false);
  });

  it('handles <<- (tab-indented terminator) and several heredocs on one line', () => {
    const a = new CommandAssembler();
    expect(a.push('cat <<-A <<B')).toBeNull();
    expect(a.push('\t\tA')).toBeNull();
    expect(a.push('body')).toBeNull();
    expect(a.push('B')).toBe('cat <<-A <<B\n\t\tA\nbody\nB');
  });

  it('reset discards a half-typed heredoc', () => {
    const a = new CommandAssembler();
    a.push('cat <<EOF');
    a.reset();
    expect(a.continuing).toBe(false);
    expect(a.push('ls')).toBe('ls');
  });
});
