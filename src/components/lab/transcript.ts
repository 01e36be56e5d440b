/**
 * A transcript (what a learner did on a lesson's cluster, src/grading/transcript.ts) as a Share
 * link carries it, checked on the way back in against the limits the server replays.
 */
import { transcriptSchema, type TranscriptEntry } from '../../grading/transcript.ts';

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
  const parsed = transcriptSchema.safeParse(JSON.parse(json));
  if (!parsed.success) throw new Error('not a Kube101 transcript');
  return parsed.data;
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
