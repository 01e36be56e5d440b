/**
 * `kubectl rollout status|restart|history|undo|pause|resume` for Deployments (rollout/*.go), and
 * `status` for StatefulSets too. `status` prints the kind's status viewer's lines as the
 * controllers move the rollout on the virtual clock, until `deployment "web" successfully rolled
 * out` (or the StatefulSet's `partitioned roll out complete`).
 */
import type { KubeObject } from '../../api/types.ts';
import type { CommandContext, KubectlCommand } from '../command.ts';
import { CommandError, UsageError } from '../command.ts';
import { parseGoDuration } from '../flags.ts';
import { HELP } from '../help/index.ts';
import { resourceName } from '../printers/name.ts';
import { flagsFromHelp } from './write/help-flags.ts';
import { dryRunStrategy, dryRunSuffix } from './write/output.ts';
import { resolveTargets, type Target } from './write/targets.ts';
import { waitOnClock } from './write/wait-clock.ts';
import { statefulSetStatus } from './statefulset-status.ts';

/** How long a headless `rollout status` without --timeout lets the clock run (past the 600s progress deadline). */
const HEADLESS_LIMIT_MS = 15 * 60 * 1000;
const REVISION = 'deployment.kubernetes.io/revision';

interface DeploymentShape {
  spec?: {
    replicas?: number;
    paused?: boolean;
    template?: { metadata?: { annotations?: Record<string, string> } };
  };
  status?: {
    observedGeneration?: number;
    replicas?: number;
    updatedReplicas?: number;
    availableReplicas?: number;
    conditions?: { type: string; reason?: string }[];
  };
}

/** DeploymentStatusViewer.Status: the line to print and whether the rollout is done. */
export function deploymentStatus(deployment: KubeObject): { message: string; done: boolean } {
  const { spec = {}, status = {} } = deployment as unknown as DeploymentShape;
  const name = deployment.metadata.name;
  if ((deployment.metadata.generation ?? 0) > (status.observedGeneration ?? 0)) {
    return { message: 'Waiting for deployment spec update to be observed...\n', done: false };
  }
  const progressing = status.conditions?.find((c) => c.type === 'Progressing');
  if (progressing?.reason === 'ProgressDeadlineExceeded')
    throw new CommandError(`deployment "${name}" exceeded its progress deadline`);
  const replicas = spec.replicas ?? 1;
  const updated = status.updatedReplicas ?? 0;
  if (updated < replicas) {
    return {
      message: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${replicas} new replicas have been updated...\n`,
      done: false,
    };
  }
  if ((status.replicas ?? 0) > updated) {
    return {
      message: `Waiting for deployment "${name}" rollout to finish: ${(status.replicas ?? 0) - updated} old replicas are pending termination...\n`,
      done: false,
    };
  }
  if ((status.availableReplicas ?? 0) < updated) {
    return {
      message: `Waiting for deployment "${name}" rollout to finish: ${status.availableReplicas ?? 0} of ${updated} updated replicas are available...\n`,
      done: false,
    };
  }
  return { message: `deployment "${name}" successfully rolled out\n`, done: true };
}

/** The kinds `rollout status` has a status viewer for (StatusViewerFor). */
const STATUS_VIEWERS: Record<string, (object: KubeObject) => { message: string; done: boolean }> = {
  Deployment: deploymentStatus,
  StatefulSet: statefulSetStatus,
};

function deploymentsOnly(context: CommandContext, verb: string): Target[] {
  const { targets, errors } = resolveTargets(context);
  if (errors.length > 0) throw errors[0];
  for (const target of targets) {
    const supported =
      verb === 'status' ? target.type.kind in STATUS_VIEWERS : target.type.kind === 'Deployment';
    if (!supported) {
      throw new CommandError(
        verb === 'status'
          ? `no status viewer has been implemented for ${target.type.group ? `${target.type.kind}.${target.type.group}` : target.type.kind}`
          : `${verb} is not supported on ${resourceName(target.object).split('/')[0]}`,
      );
    }
  }
  if (targets.length === 0) throw new CommandError('no objects passed to rollout');
  return targets;
}

const statusCommand: KubectlCommand = {
  name: 'status',
  short: 'Show the status of the rollout',
  flags: flagsFromHelp('rollout status'),
  async run(context) {
    const [target] = deploymentsOnly(context, 'status');
    if (!target) return 0;
    const { api } = context.runtime;
    const timeout = parseGoDuration(context.flag<string>('timeout')) ?? 0;
    const watch = context.flag<boolean>('watch');
    let last = '';
    const viewer = STATUS_VIEWERS[target.type.kind] ?? deploymentStatus;
    const check = () => {
      const live = api.tryGet(target.type.resource, target.namespace, target.name);
      if (!live) throw new CommandError(`${target.type.resource}.apps "${target.name}" not found`);
      const { message, done } = viewer(live);
      if (message !== last) context.stdout(message);
      last = message;
      return done;
    };
    if (!watch) {
      check();
      return 0;
    }
    const limit = timeout > 0 ? timeout : context.interactive ? Number.MAX_SAFE_INTEGER : HEADLESS_LIMIT_MS;
    if (await waitOnClock(context, check, limit)) return 0;
    if (context.signal?.aborted) return 130;
    throw new CommandError('timed out waiting for the condition');
  },
};

const restartCommand: KubectlCommand = {
  name: 'restart',
  short: 'Restart a resource',
  flags: flagsFromHelp('rollout restart'),
  run(context) {
    const dryRun = dryRunStrategy(context);
    for (const target of deploymentsOnly(context, 'restart')) {
      const updated = structuredClone(target.object) as unknown as DeploymentShape & KubeObject;
      const template = (updated.spec ??= {}).template ?? {};
      updated.spec.template = template;
      template.metadata = {
        ...template.metadata,
        annotations: {
          ...template.metadata?.annotations,
          'kubectl.kubernetes.io/restartedAt': context.runtime.clock.timestamp(),
        },
      };
      if (dryRun !== 'client')
        context.runtime.api.update('deployments', updated, {
          dryRun: dryRun === 'server',
          fieldManager: 'kubectl-rollout',
        });
      context.stdout(`${resourceName(target.object)} restarted${dryRunSuffix(dryRun)}\n`);
    }
    return 0;
  },
};

/** The deployment's ReplicaSets by revision (the deployment controller's revision annotation). */
function revisions(context: CommandContext, deployment: KubeObject): { revision: number; rs: KubeObject }[] {
  return context.runtime.api
    .list('replicasets', deployment.metadata.namespace)
    .filter((rs) => rs.metadata.ownerReferences?.some((o) => o.uid === deployment.metadata.uid))
    .map((rs) => ({ revision: Number(rs.metadata.annotations?.[REVISION] ?? 0), rs }))
    .sort((a, b) => a.revision - b.revision);
}

const historyCommand: KubectlCommand = {
  name: 'history',
  short: 'View rollout history',
  flags: flagsFromHelp('rollout history'),
  run(context) {
    for (const target of deploymentsOnly(context, 'history')) {
      const lines = revisions(context, target.object).map(({ revision, rs }) => {
        const cause = rs.metadata.annotations?.['kubernetes.io/change-cause'] ?? '<none>';
        return `${String(revision).padEnd(10)}${cause}`;
      });
      context.stdout(
        `${resourceName(target.object)} \nREVISION  CHANGE-CAUSE\n${lines.map((l) => `${l}\n`).join('')}\n`,
      );
    }
    return 0;
  },
};

const undoCommand: KubectlCommand = {
  name: 'undo',
  short: 'Undo a previous rollout',
  flags: flagsFromHelp('rollout undo'),
  run(context) {
    const dryRun = dryRunStrategy(context);
    for (const target of deploymentsOnly(context, 'undo')) {
      const history = revisions(context, target.object);
      const wanted = context.flag<number>('to-revision');
      const current = Number(target.object.metadata.annotations?.[REVISION] ?? 0);
      const previous =
        wanted > 0
          ? history.find((h) => h.revision === wanted)
          : [...history].reverse().find((h) => h.revision !== current);
      if (!previous)
        throw new CommandError(
          wanted > 0
            ? `unable to find specified revision ${wanted} in history`
            : 'no rollout history found for deployment "' + target.name + '"',
        );
      const updated = structuredClone(target.object) as KubeObject & {
        spec: { template: { metadata?: { labels?: Record<string, string> } } };
      };
      const template = structuredClone(
        (previous.rs['spec'] as { template: { metadata?: { labels?: Record<string, string> } } }).template,
      );
      if (template.metadata?.labels) delete template.metadata.labels['pod-template-hash'];
      updated.spec.template = template;
      if (dryRun !== 'client')
        context.runtime.api.update('deployments', updated, {
          dryRun: dryRun === 'server',
          fieldManager: 'kubectl-rollout',
        });
      context.stdout(`${resourceName(target.object)} rolled back${dryRunSuffix(dryRun)}\n`);
    }
    return 0;
  },
};

function pauseCommand(name: 'pause' | 'resume', short: string): KubectlCommand {
  return {
    name,
    short,
    flags: flagsFromHelp(`rollout ${name}`),
    run(context) {
      for (const target of deploymentsOnly(context, name)) {
        const updated = structuredClone(target.object) as unknown as DeploymentShape & KubeObject;
        const paused = name === 'pause';
        if ((updated.spec?.paused ?? false) === paused) {
          throw new CommandError(
            `deployments.apps "${target.name}" ${paused ? 'is already paused' : 'is not paused'}`,
          );
        }
        (updated.spec ??= {}).paused = paused;
        context.runtime.api.update('deployments', updated, { fieldManager: 'kubectl-rollout' });
        context.stdout(`${resourceName(target.object)} ${paused ? 'paused' : 'resumed'}\n`);
      }
      return 0;
    },
  };
}

export const rolloutCommand: KubectlCommand = {
  name: 'rollout',
  short: 'Manage the rollout of a resource',
  subcommands: [
    historyCommand,
    pauseCommand('pause', 'Mark the provided resource as paused'),
    restartCommand,
    pauseCommand('resume', 'Resume a paused resource'),
    statusCommand,
    undoCommand,
  ],
  // cobra: the group without a subcommand prints its help on stdout and fails.
  run(context) {
    if (context.positionals.length > 0)
      throw new UsageError(`unknown command "${context.positionals.join(' ')}"`);
    context.stdout(HELP['rollout'] ?? '');
    return 1;
  },
};
