/**
 * A learner's transcript: the ordered shell lines and editor saves of one attempt, which the
 * server replays in a fresh simulator. Its limits keep a replay small and quick.
 */
import { z } from 'zod';

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
  z.object({ type: z.literal('exec'), line: z.string().max(TRANSCRIPT_LIMITS.lineChars) }).strict(),
  z
    .object({
      type: z.literal('write'),
      path: z.string().min(1).max(TRANSCRIPT_LIMITS.pathChars),
      content: z.string().max(TRANSCRIPT_LIMITS.fileChars),
    })
    .strict(),
]);

export const transcriptSchema = z.array(transcriptEntrySchema).max(TRANSCRIPT_LIMITS.entries);

export type TranscriptEntry = z.infer<typeof transcriptEntrySchema>;
export type Transcript = TranscriptEntry[];
