/**
 * The manifest decoder against what the real kubectl 1.35 read from the same files
 * (fixtures/manifest-kubectl.json, captured by capture/capture-manifests.ts): YAML 1.1 scalars,
 * multi-document and JSON streams, and syntax errors with go-yaml's words and line numbers.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeManifestStream, type JsonValue } from '../../../../src/sim/kubectl/manifests/decode.ts';

const dir = new URL('./fixtures/', import.meta.url).pathname;
const cases = JSON.parse(readFileSync(`${dir}manifest-cases.json`, 'utf8')) as Record<string, string>;
const kubectl = JSON.parse(readFileSync(`${dir}manifest-kubectl.json`, 'utf8')) as Record<
  string,
  { stdout: string; stderr: string }
>;

/** The documents kubectl printed, without the namespace it fills in for a dry run. */
function printedDocuments(stdout: string): JsonValue[] {
  // kubectl prints one JSON object after another.
  const documents = stdout
    .split(/(?<=\n\})\n(?=\{)/)
    .map((text) => JSON.parse(text) as { metadata?: Record<string, unknown> });
  return documents.map((doc) => {
    if (doc.metadata?.['namespace'] === 'default') delete doc.metadata['namespace'];
    if (doc.metadata && Object.keys(doc.metadata).length === 0) delete doc.metadata;
    return doc as JsonValue;
  });
}

describe('decodeManifestStream matches kubectl', () => {
  for (const [name, text] of Object.entries(cases)) {
    const expected = kubectl[name];
    if (!expected) continue;
    const parseError = /^error: error parsing [^:]+: (.*)\n$/s.exec(expected.stderr);
    if (parseError) {
      it(`${name}: ${parseError[1]}`, () => {
        expect(decodeManifestStream(text).error).toBe(parseError[1]);
      });
    } else if (expected.stdout.startsWith('{') && expected.stderr === '' && !text.includes('kind: List')) {
      it(`${name}: reads the same values`, () => {
        const decoded = decodeManifestStream(text);
        expect(decoded.error).toBeUndefined();
        expect(decoded.documents).toEqual(printedDocuments(expected.stdout));
      });
    }
  }
});
