/** `kubectl scale TYPE NAME --replicas=N [--current-replicas=M]` through the scale subresource. */
import type { KubectlCommand } from '../command.ts';
import { CommandError } from '../command.ts';
import { StatusError } from '../../api/status-error.ts';
import { flagsFromHelp } from './write/help-flags.ts';
import { checkOutputFormat, dryRunStrategy, printObject } from './write/output.ts';
import { resolveTargets } from './write/targets.ts';

/** The kinds that serve `/scale` among the simulator's. */
const SCALABLE = new Set(['deployments', 'replicasets', 'statefulsets']);

export const scaleCommand: KubectlCommand = {
  name: 'scale',
  short: 'Set a new size for a deployment, replica set, or replication controller',
  flags: flagsFromHelp('scale'),
  run(context) {
    if (!context.changed('replicas')) throw new CommandError('required flag(s) "replicas" not set');
    const replicas = context.flag<number>('replicas');
    if (replicas < 0)
      throw new CommandError(
        'The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0',
      );
    checkOutputFormat(context);
    const dryRun = dryRunStrategy(context);
    const { targets, errors } = resolveTargets(context);
    if (errors.length > 0) throw errors[0];
    if (targets.length === 0) throw new CommandError('no objects passed to scale');
    const current = context.flag<number>('current-replicas');
    for (const target of targets) {
      if (!SCALABLE.has(target.type.resource)) {
        throw new StatusError({
          message: 'the server could not find the requested resource',
          reason: 'NotFound',
          code: 404,
        });
      }
      const spec = (target.object['spec'] ?? {}) as { replicas?: number };
      const was = spec.replicas ?? 1;
      if (current >= 0 && current !== was)
        throw new CommandError(`Expected replicas to be ${current}, was ${was}`);
      let written = target.object;
      if (dryRun !== 'client') {
        const updated = structuredClone(target.object);
        (updated['spec'] as { replicas?: number }).replicas = replicas;
        written = context.runtime.api.update(target.type.resource, updated, {
          dryRun: dryRun === 'server',
        }).object;
      }
      printObject(context, written, { verb: 'scaled', dryRun, fromServer: true });
    }
    return 0;
  },
};
