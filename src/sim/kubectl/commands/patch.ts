/**
 * `kubectl patch TYPE NAME -p PATCH [--type strategic|merge|json]` (patch.go): the patch text is
 * read as YAML unless it already looks like JSON, the server applies it, and kubectl prints
 * `patched` or `patched (no change)`.
 */
import type { KubeObject } from '../../api/types.ts';
import { StatusError } from '../../api/status-error.ts';
import type { KubectlCommand } from '../command.ts';
import { CommandError } from '../command.ts';
import { formatErrors } from '../manifests/aggregate.ts';
import { decodeManifestStream } from '../manifests/decode.ts';
import { applyJsonPatch } from '../manifests/json-patch.ts';
import { goJsonSyntaxError } from '../manifests/go-json.ts';
import {
  applyMergePatch,
  applyStrategicMergePatch,
  deepEqual,
  type Json,
  type JsonMap,
} from '../manifests/strategic-merge.ts';
import { flagsFromHelp } from './write/help-flags.ts';
import {
  addSourceToError,
  checkOutputFormat,
  dryRunStrategy,
  printObject,
  printWarnings,
} from './write/output.ts';
import { decodeForServer, decodePatchedForServer } from './write/server-write.ts';
import { resolveTargets } from './write/targets.ts';

const PATCH_TYPES = ['json', 'merge', 'strategic'];

export const patchCommand: KubectlCommand = {
  name: 'patch',
  short: 'Update fields of a resource',
  flags: flagsFromHelp('patch'),
  run(context) {
    let text = context.flag<string>('patch');
    const patchFile = context.flag<string>('patch-file');
    if (text === '' && patchFile === '')
      throw new CommandError('must specify --patch or --patch-file containing the contents of the patch');
    if (text !== '' && patchFile !== '')
      throw new CommandError('cannot specify --patch and --patch-file together');
    if (patchFile !== '') {
      const content = context.runtime.fs.read(patchFile);
      if (content === undefined)
        throw new CommandError(`unable to read patch file: open ${patchFile}: no such file or directory`);
      text = content;
    }
    const patchType = context.flag<string>('type').toLowerCase();
    if (!PATCH_TYPES.includes(patchType)) {
      throw new CommandError(
        `--type must be one of [json merge strategic], not ${JSON.stringify(context.flag<string>('type'))}`,
      );
    }
    checkOutputFormat(context);
    const dryRun = dryRunStrategy(context);
    const patchJson = toJson(text);
    const { targets, errors } = resolveTargets(context);
    const failures: unknown[] = [];
    for (const target of targets) {
      try {
        const patched = applyPatch(target.object, patchJson, patchType);
        // kubectl patch sends no fieldValidation: the server's default, Warn, applies.
        const decoded =
          patchType === 'strategic'
            ? decodePatchedForServer(context, patched, JSON.parse(patchJson) as unknown, 'warn')
            : decodeForServer(context, patched, 'warn');
        let written = decoded;
        if (dryRun !== 'client') {
          // The server defaults, validates and skips a write that changes nothing (defaulting may
          // undo the patch: sessionAffinityConfig goes while sessionAffinity is None).
          const result = context.runtime.api.update(target.type.resource, decoded, {
            dryRun: dryRun === 'server',
            fieldManager: context.flag<string>('field-manager'),
          });
          // client-go prints every response's Warning headers, whatever the verb.
          printWarnings(context, result.warnings);
          written = result.object;
        }
        // patch.go: "(no change)" when what came back deep-equals what kubectl fetched.
        const changed = !deepEqual(stripVersion(written), stripVersion(target.object));
        const verb = changed ? 'patched' : 'patched (no change)';
        printObject(context, written, { verb, dryRun, fromServer: true });
      } catch (error) {
        failures.push(addSourceToError('patching', target.source, error));
      }
    }
    failures.push(...errors);
    const { text: message, exitCode } = formatErrors(failures, context.path);
    context.stderr(message);
    return exitCode;
  },
};

/** yaml.ToJSON: JSON-looking text goes to the server as is; anything else is read as YAML first. */
function toJson(text: string): string {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return text;
  const decoded = decodeManifestStream(text);
  if (decoded.error !== undefined)
    throw new CommandError(
      `unable to parse ${JSON.stringify(text)}: ${decoded.error.replace(/^error converting YAML to JSON: /, '')}`,
    );
  return JSON.stringify(decoded.documents[0] ?? null);
}

/** What the API server does with the PATCH body. */
function applyPatch(object: KubeObject, patchText: string, patchType: string): KubeObject {
  const syntax = goJsonSyntaxError(patchText);
  if (syntax) throw StatusError.badRequest(syntax);
  const patch = JSON.parse(patchText) as Json;
  if (patchType === 'json') {
    if (!Array.isArray(patch))
      throw StatusError.badRequest('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
    return applyJsonPatch(object as unknown as Json, patch) as unknown as KubeObject;
  }
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) {
    throw StatusError.badRequest(
      `json: cannot unmarshal ${Array.isArray(patch) ? 'array' : typeof patch} into Go value of type map[string]interface {}`,
    );
  }
  if (patchType === 'merge')
    return applyMergePatch(object as unknown as Json, patch) as unknown as KubeObject;
  return applyStrategicMergePatch(object as unknown as JsonMap, patch, object.kind) as unknown as KubeObject;
}

function stripVersion(object: KubeObject): KubeObject {
  const copy = structuredClone(object);
  delete copy.metadata.resourceVersion;
  return copy;
}
