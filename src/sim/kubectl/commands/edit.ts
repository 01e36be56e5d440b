/**
 * `kubectl edit TYPE NAME` (edit.go, editoptions.go): the object as YAML under kubectl's header
 * comment in a temporary file, opened in the page's editor (runtime.onEdit); what comes back is
 * patched onto the live object (`service/web edited`). A failing change reopens the file with the
 * server's complaint on top, as kubectl does. Headless there is no editor, and kubectl says so.
 */
import type { KubeObject } from '../../api/types.ts';
import { StatusError } from '../../api/status-error.ts';
import type { CommandContext, KubectlCommand } from '../command.ts';
import { CommandError } from '../command.ts';
import { formatStatusError } from '../errors.ts';
import { decodeManifestStream } from '../manifests/decode.ts';
import { applyStrategicMergePatch, threeWayMergePatch, type JsonMap } from '../manifests/strategic-merge.ts';
import { resourceName } from '../printers/name.ts';
import { toYaml } from '../printers/yaml.ts';
import { flagsFromHelp } from './write/help-flags.ts';
import { decodePatchedForServer } from './write/server-write.ts';
import { resolveTargets, type Target } from './write/targets.ts';
import { parseValidateFlag } from '../manifests/builder.ts';

const HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`;

export const editCommand: KubectlCommand = {
  name: 'edit',
  short: 'Edit a resource on the server',
  flags: flagsFromHelp('edit'),
  async run(context) {
    const { targets, errors } = resolveTargets(context);
    if (errors.length > 0) throw errors[0];
    if (targets.length === 0) throw new CommandError('edit cancelled, no objects found');
    const onEdit = context.runtime.onEdit;
    if (!onEdit) throw new CommandError('unable to launch the editor "vi"');
    for (const target of targets) await editOne(context, target, onEdit);
    return 0;
  },
};

async function editOne(
  context: CommandContext,
  target: Target,
  onEdit: (path: string) => Promise<void>,
): Promise<void> {
  const { fs, random, api } = context.runtime;
  const path = `/tmp/kubectl-edit-${random.string(10, '0123456789')}.yaml`;
  const original = target.object;
  const originalText = toYaml(original);
  let text = `${HEADER}${originalText}`;
  let previousError: string | undefined;
  for (;;) {
    fs.write(path, text);
    await onEdit(path);
    const edited = fs.read(path) ?? '';
    const body = stripComments(edited);
    if (body.trim() === '') {
      context.stderr('Edit cancelled, saved file was empty.\n');
      return;
    }
    if (body === stripComments(originalText) && previousError === undefined) {
      context.stderr('Edit cancelled, no changes made.\n');
      return;
    }
    if (previousError !== undefined && edited === text) {
      context.stderr(`error: ${previousError}\nA copy of your changes has been stored to "${path}"\n`);
      throw new CommandError('Edit cancelled, no valid changes were saved.');
    }
    const problem = tryApply(context, target, body);
    if (problem === undefined) {
      const live = api.tryGet(target.type.resource, target.namespace, target.name);
      context.stdout(`${resourceName(live ?? original)} edited\n`);
      return;
    }
    previousError = problem.summary;
    text = `${HEADER}# ${problem.detail.split('\n').join('\n# ')}\n#\n${body}`;
  }
}

/** Lines starting with `#` are dropped before the YAML is read (editor.go's comment stripping). */
function stripComments(text: string): string {
  return text
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .join('\n');
}

function tryApply(
  context: CommandContext,
  target: Target,
  body: string,
): { summary: string; detail: string } | undefined {
  const decoded = decodeManifestStream(body);
  if (decoded.error !== undefined) {
    return {
      summary: `error parsing ${body.length} bytes`,
      detail: `The edited file had a syntax error: ${decoded.error}`,
    };
  }
  const object = decoded.documents[0] as KubeObject | undefined;
  if (!object || object.kind !== target.object.kind || object.metadata?.name !== target.name) {
    return {
      summary: 'At least one of apiVersion, kind and name was changed',
      detail: 'error: At least one of apiVersion, kind and name was changed',
    };
  }
  const live = context.runtime.api.get(target.type.resource, target.namespace, target.name);
  try {
    const patch = threeWayMergePatch(
      target.object as unknown as JsonMap,
      object as unknown as JsonMap,
      target.object as unknown as JsonMap,
      object.kind,
    );
    const merged = applyStrategicMergePatch(
      live as unknown as JsonMap,
      patch,
      object.kind,
    ) as unknown as KubeObject;
    const decoded = decodePatchedForServer(
      context,
      merged,
      patch,
      parseValidateFlag(context.flag<string>('validate')),
    );
    context.runtime.api.update(target.type.resource, decoded, {
      fieldManager: context.flag<string>('field-manager'),
    });
    return undefined;
  } catch (error) {
    if (!(error instanceof StatusError)) throw error;
    const resource = target.type.group
      ? `${target.type.resource}.${target.type.group}`
      : target.type.resource;
    return {
      summary: `${resource} "${target.name}" is invalid`,
      detail: `${resource} "${target.name}" was not valid:\n* ${formatStatusError(error).replace(/^The [^:]*: /, '')}`,
    };
  }
}
