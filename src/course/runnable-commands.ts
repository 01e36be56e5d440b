/**
 * The shell lines of a code block that the lesson's terminal can run, or none when the block holds
 * anything else (output, a placeholder to fill in). A leading `$ ` prompt is dropped.
 */
const runnable = /^(kubectl|curl|cat|ls|echo|sleep|wget|nslookup|history|clear|help)(\s|$)/;
/** `NODE_PORT=$(kubectl get svc web -o jsonpath=...)`: a value read into a variable for the next lines. */
const assignment = /^[A-Za-z_][A-Za-z0-9_]*=/;

export function runnableCommands(text: string): string[] {
  const lines = text
    .split('\n')
    .map((line) => line.replace(/^\$ /, '').trimEnd())
    .filter((line) => line.trim() !== '');
  if (lines.length === 0) return [];
  if (lines.some((line) => /<[a-z-]+>/i.test(line) && !/<</.test(line))) return [];
  return lines.every((line) => runnable.test(line) || assignment.test(line)) ? lines : [];
}
