import { Cheat } from './cheat';
import { deleteAllPodsCheat, deleteAllPodsGracefullyCheat } from './delete-all-pods.cheat';
import { scaleToZeroCheat } from './scale-to-zero.cheat';
import { deleteNamespacesCheat } from './delete-namespaces.cheat';
import { replaceImageCheat } from './replace-image.cheat';
import { recreateDeploymentCheat } from './recreate-deployment.cheat';

/** Every generic cheat the validator tries against each scenario, in order. */
export const GENERIC_CHEATS: readonly Cheat[] = [deleteAllPodsCheat, deleteAllPodsGracefullyCheat, scaleToZeroCheat, deleteNamespacesCheat, replaceImageCheat, recreateDeploymentCheat];
