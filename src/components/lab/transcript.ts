/**
 * What a learner did on a lesson's cluster, in order: the lines they ran and the files they saved
 * from the editor. Replaying it on a fresh cluster with the lesson's seed rebuilds the same cluster;
 * it is what a Share link carries and what a submission sends to the server.
 */
export type TranscriptEntry =
  { type: 'exec'; line: string } | { type: 'write'; path: string; content: string };

export function isTranscript(value: unknown): value is TranscriptEntry[] {
  return (
    Array.isArray(value) &&
    value.every(
      (entry: unknown) =>
        typeof entry === 'object' &&
        entry !== null &&
        (((entry as { type?: unknown }).type === 'exec' &&
          typeof (entry as { line?: unknown }).line === 'string') ||
          ((entry as { type?: unknown }).type === 'write' &&
            typeof (entry as { path?: unknown }).path === 'string' &&
            typeof (entry as { content?: unknown }).content === 'string')),
    )
  );
}

/** The transcript as URL-safe text: deflated JSON in base64url, short enough for a link. */
export async function encodeTranscript(transcript: readonly TranscriptEntry[]): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(transcript));
  const compressed = await new Response(
    new Blob([json]).stream().pipeThrough(new CompressionStream('deflate-raw')),
  ).arrayBuffer();
  return toBase64Url(new Uint8Array(compressed));
}

export async function decodeTranscript(text: string): Promise<TranscriptEntry[]> {
  const bytes = fromBase64Url(text);
  const json = await new Response(
    new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')),
  ).text();
  const parsed: unknown = JSON.parse(json);
  if (!isTranscript(parsed)) throw new Error('not a Kube101 transcript');
  return parsed;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
