/**
 * `-k DIR`: the simulator has no kustomize. A directory without a kustomization gets kubectl's own
 * error; one with it is refused plainly rather than half-built.
 */
import type { CommandContext } from '../../command.ts';
import { CommandError } from '../../command.ts';

const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/** Throws when `-k` was given; returns otherwise. */
export function rejectKustomize(context: CommandContext): void {
  const dir = (context.flag<string>('kustomize') as string | undefined) ?? '';
  if (dir === '') return;
  if ((context.flag<string[]>('filename') ?? []).length > 0)
    throw new CommandError('only one of -f or -k can be specified');
  const { fs } = context.runtime;
  const absolute = fs.resolve(dir);
  if (!KUSTOMIZATION_FILES.some((name) => fs.exists(`${absolute}/${name}`))) {
    throw new CommandError(
      `unable to find one of 'kustomization.yaml', 'kustomization.yml' or 'Kustomization' in directory '${absolute}'`,
    );
  }
  throw new CommandError(
    'kustomize is not available in this simulated kubectl; apply the manifests with -f instead',
  );
}
