/**
 * The shell lines of a code block that the lesson's terminal can run, or none when the block holds
 * anything else (output, a placeholder to fill in). A leading `$ ` prompt is dropped.
 */
const runnable = /^(kubectl|curl|cat|ls|echo|sleep|wget|nslookup|history|clear|help)(\s|$)/;

export function runnableCommands(text: string): string[] {
  const lines = text
    .split('\n')
    .map((line) => line.replace(/^\$ /, '').trimEnd())
    .filter((line) => line.trim() !== '');
  if (lines.length === 0) return [];
  if (lines.some((line) => /<[a-z-]+>/i.test(line) && !/<</.test(line))) return [];
  return lines.every((line) => runnable.test(line)) ? lines : [];
}
