/**
 * `kubectl set image (-f FILENAME | TYPE NAME) CONTAINER=IMAGE...` (set_image.go): changes the
 * images of a pod or of a workload's pod template (`*` for every container); a Deployment then
 * rolls out a new ReplicaSet.
 */
import type { KubectlCommand } from '../../command.ts';
import { CommandError } from '../../command.ts';
import { formatErrors } from '../../manifests/aggregate.ts';
import { flagsFromHelp } from '../write/help-flags.ts';
import { checkOutputFormat, dryRunStrategy } from '../write/output.ts';
import { sendUpdate } from './send-update.ts';
import { objectName, setTargets } from './local.ts';
import { splitResourcesAndPairs } from '../resources-and-pairs.ts';
import { notAPodTemplate, podSpecOf, unchanged, type Container } from './pod-template.ts';

export const setImageCommand: KubectlCommand = {
  name: 'image',
  short: 'Update the image of a pod template',
  flags: flagsFromHelp('set image'),
  run(context) {
    const dryRun = dryRunStrategy(context);
    checkOutputFormat(context);
    const { resources, pairs } = splitResourcesAndPairs(context.positionals, 'image');
    const images = parseImages(pairs);
    const all = context.flag<boolean>('all');
    const selector = context.flag<string>('selector') ?? '';
    // kubectl's builder lists by the selector and ignores --all; Validate refuses the pair afterwards.
    if (all && selector !== '') throw new CommandError('cannot set --all and --selector at the same time');

    const { local, ...resolved } = setTargets(context, resources, dryRun);
    if (resolved.errors.length > 0) {
      const { text, exitCode } = formatErrors(resolved.errors, context.path);
      context.stderr(text);
      return exitCode;
    }
    validate(resources, images, context);

    const errors: unknown[] = [];
    for (const target of resolved.targets) {
      const after = structuredClone(target.object);
      const spec = podSpecOf(after);
      if (!spec) {
        errors.push(new CommandError(`error: ${notAPodTemplate(objectName(target, local), target)}\n`));
        continue;
      }
      for (const [name, image] of images) {
        const found = [spec.initContainers, spec.containers].map((list) => setImage(list, name, image));
        if (!found.includes(true))
          errors.push(new CommandError(`error: unable to find container named "${name}"`));
      }
      if (unchanged(target.object, after)) continue;
      sendUpdate(context, target, after, { field: 'image', local, dryRun, errors });
    }
    const { text, exitCode } = formatErrors(errors, context.path);
    context.stderr(text);
    return exitCode;
  },
};

/** cmdutil.ParsePairs without removal: `NAME=IMAGE`; anything else is an invalid image format. */
function parseImages(pairs: readonly string[]): Map<string, string> {
  const images = new Map<string, string>();
  const invalid: string[] = [];
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq > 0) images.set(pair.slice(0, eq), pair.slice(eq + 1));
    else invalid.push(pair);
  }
  if (invalid.length > 0) throw new CommandError(`invalid image format: ${invalid.join(', ')}`);
  return images;
}

/** SetImageOptions.Validate: every complaint at once, as one aggregate. */
function validate(
  resources: readonly string[],
  images: ReadonlyMap<string, string>,
  context: Parameters<NonNullable<KubectlCommand['run']>>[0],
): void {
  const problems: string[] = [];
  if (resources.length === 0 && (context.flag<string[]>('filename') ?? []).length === 0)
    problems.push('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  if (images.size === 0) problems.push('at least one image update is required');
  else if (images.size > 1 && images.has('*'))
    problems.push(
      'all containers are already specified by *, but saw more than one container_name=container_image pairs',
    );
  if (problems.length === 1) throw new CommandError(problems[0] as string);
  if (problems.length > 1) throw new CommandError(`[${problems.join(', ')}]`);
}

function setImage(containers: Container[] | undefined, name: string, image: string): boolean {
  let found = false;
  for (const container of containers ?? []) {
    if (container.name === name || name === '*') {
      found = true;
      container.image = image;
    }
  }
  return found;
}
