/**
 * A learner's transcript: the ordered shell lines and editor saves of one attempt, which the
 * server replays in a fresh simulator. Its limits keep a replay small and quick.
 */
// zod/mini, not zod: the page checks saved and shared transcripts with this schema, and the mini
// build keeps some 20 KB gzip of zod off the terminal's first load. Messages come from the English
// locale that the full zod installs when the server's grading imports it.
import * as z from 'zod/mini';

export const TRANSCRIPT_LIMITS = {
  /** Entries in one transcript. */
  entries: 2000,
  /** Characters in one shell line (a heredoc with a long manifest included). */
  lineChars: 64 * 1024,
  /** Characters in one file written from the editor. */
  fileChars: 256 * 1024,
  /** Characters in a file path. */
  pathChars: 256,
} as const;

export const transcriptEntrySchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('exec'),
    line: z.string().check(z.maxLength(TRANSCRIPT_LIMITS.lineChars)),
  }),
  z.strictObject({
    type: z.literal('write'),
    path: z.string().check(z.minLength(1), z.maxLength(TRANSCRIPT_LIMITS.pathChars)),
    content: z.string().check(z.maxLength(TRANSCRIPT_LIMITS.fileChars)),
  }),
]);

export const transcriptSchema = z.array(transcriptEntrySchema).check(z.maxLength(TRANSCRIPT_LIMITS.entries));

export type TranscriptEntry = z.infer<typeof transcriptEntrySchema>;
export type Transcript = TranscriptEntry[];

/** Whether a value read back from storage or a link is a transcript the server would accept. */
export function isTranscript(value: unknown): value is Transcript {
  return transcriptSchema.safeParse(value).success;
}
