/**
 * Request bodies as the API server's decoders read them: JSON, or YAML when the client says so.
 * Text that is neither gets the decoder's 400 with Go's words (goJsonSyntaxError).
 */
import { parse as parseYaml } from 'yaml';
import { StatusError } from '../sim/api/status-error.ts';
import { goJsonSyntaxError } from '../sim/kubectl/manifests/go-json.ts';
import { decodeKubernetesProtobuf, isKubernetesProtobuf } from './protobuf-body.ts';

export function decodeBody(raw: Buffer, contentType: string | undefined): unknown {
  const text = raw.toString('utf8');
  const mediaType = (contentType ?? 'application/json').split(';')[0]?.trim() ?? '';
  if (mediaType === 'application/yaml') {
    try {
      return parseYaml(text, { version: '1.1' }) as unknown;
    } catch (error) {
      throw StatusError.badRequest(
        `error converting YAML to JSON: ${(error as Error).message.split('\n')[0]}`,
      );
    }
  }
  if (isKubernetesProtobuf(raw)) {
    try {
      return decodeKubernetesProtobuf(raw);
    } catch (error) {
      throw StatusError.badRequest(`unable to decode protobuf body: ${(error as Error).message}`);
    }
  }
  const syntax = goJsonSyntaxError(text);
  if (syntax) throw StatusError.badRequest(`couldn't get version/kind; json parse error: ${syntax}`);
  return JSON.parse(text) as unknown;
}

/** A PATCH body: the patch handler's own JSON decoder, whose errors carry no prefix. */
export function decodePatchBody(raw: Buffer): unknown {
  const text = raw.toString('utf8');
  const syntax = goJsonSyntaxError(text);
  if (syntax) throw StatusError.badRequest(syntax);
  return JSON.parse(text) as unknown;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
