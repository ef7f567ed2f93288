export { Shell, ShellOptions } from './shell/shell';
export { VirtualFs, VfsData } from './shell/vfs';
export { ShellState, newShellState } from './shell/state';
export { runKubectl, KubectlEnv } from './kubectl';
export { CommandResult } from './result';
