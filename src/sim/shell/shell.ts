/**
 * The learner's shell on the workstation: runs one input (a line, or several lines with a heredoc)
 * and always answers with output and an exit code; nothing a learner types escapes as an exception.
 */
import type { Runtime } from '../runtime.ts';
import { runKubectl } from '../kubectl/kubectl.ts';
import type { ExecOptions, ExecResult } from '../cluster-types.ts';

export async function runShell(input: string, runtime: Runtime, options: ExecOptions = {}): Promise<ExecResult> {
  let stdout = '';
  let stderr = '';
  const io = {
    stdin: '',
    stdout(text: string) {
      stdout += text;
      options.onStdout?.(text);
    },
    stderr(text: string) {
      stderr += text;
      options.onStderr?.(text);
    },
    signal: options.signal,
    interactive: options.interactive ?? false,
  };
  const words = input.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { stdout, stderr, exitCode: 0 };
  runtime.history.push(input);
  const [name, ...args] = words;
  let exitCode: number;
  if (name === 'kubectl' || name === 'k') exitCode = await runKubectl(args, runtime, io);
  else {
    io.stderr(`${name}: command not found\n`);
    exitCode = 127;
  }
  runtime.controllers.run();
  return { stdout, stderr, exitCode };
}
