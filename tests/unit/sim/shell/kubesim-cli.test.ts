import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadLessonsFromDisk } from '../../../../src/cli/lesson-files.ts';
import { walkLesson } from '../../../../src/cli/lesson-walk.ts';

const root = fileURLToPath(new URL('../../../../', import.meta.url));

function kubesim(args: string[], input: string) {
  return spawnSync(`${root}node_modules/.bin/tsx`, ['src/cli/kubesim.ts', ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
  });
}

describe('kubesim --json', () => {
  it('prints one JSON line per command, gathering here-documents and continued lines', () => {
    const script = [
      'echo hello',
      'cat <<EOF > svc.yaml',
      'kind: Service',
      'EOF',
      'cat svc.yaml | \\',
      '  wc -l',
      'kubectl get nodes -o name',
      'nosuchcommand',
      '',
    ].join('\n');
    const run = kubesim(['--json', '--seed', '7'], script);
    expect(run.status).toBe(0);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toEqual([
      { line: 'echo hello', stdout: 'hello\n', stderr: '', exitCode: 0 },
      { line: 'cat <<EOF > svc.yaml\nkind: Service\nEOF', stdout: '', stderr: '', exitCode: 0 },
      { line: 'cat svc.yaml | \\\n  wc -l', stdout: '1\n', stderr: '', exitCode: 0 },
      {
        line: 'kubectl get nodes -o name',
        stdout: 'node/control-plane\nnode/worker-1\nnode/worker-2\n',
        stderr: '',
        exitCode: 0,
      },
      {
        line: 'nosuchcommand',
        stdout: '',
        stderr: 'bash: nosuchcommand: command not found\n',
        exitCode: 127,
      },
    ]);
  }, 30_000);

  it('rejects a seed that is not a number', () => {
    const run = kubesim(['--seed', 'abc'], '');
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('kubesim: --seed needs an integer, got abc\n');
  }, 30_000);
});

describe('kubesim with piped input', () => {
  it('runs every piped line, also those after a command that waits, and exits cleanly', () => {
    const run = kubesim([], 'sleep 1\necho after the sleep\nkubectl get pods\n');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('after the sleep\n');
    // kubectl says this on stderr; nothing else may be there (no crash of a closed prompt).
    expect(run.stderr).toBe('No resources found in default namespace.\n');
  }, 30_000);
});

describe('kubesim --lesson', () => {
  const lesson = loadLessonsFromDisk().find((candidate) => candidate.slug === 'why-services')!;
  const editorFiles = lesson.parts.flatMap((part) => (part.kind === 'file' ? [part.path] : []));

  async function firstBlock(seed?: number) {
    const [block] = await walkLesson(lesson, { seed });
    return block!;
  }

  it("starts on the lesson's cluster: its seed, its setup and its editors' files", async () => {
    const block = await firstBlock();
    const run = kubesim(['--lesson', 'why-services', '--json'], [...block.commands, 'ls', ''].join('\n'));
    expect(run.status).toBe(0);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { stdout: string; exitCode: number });
    expect(lines.map((line) => line.stdout)).toEqual([
      ...block.runs.map((command) => command.printed),
      `${editorFiles.join('  ')}\n`,
    ]);
    expect(block.shown?.text).toBe(block.printed.trimEnd());
  }, 30_000);

  it('takes another seed with --seed, keeping the setup', async () => {
    const [command] = (await firstBlock(7)).runs;
    const run = kubesim(['--lesson=why-services', '--seed', '7', '--json'], `${command!.command}\n`);
    expect(JSON.parse(run.stdout).stdout).toBe(command!.printed);
    expect(command!.printed).not.toBe((await firstBlock()).runs[0]!.printed);
  }, 30_000);

  it('names the lessons when the one asked for does not exist', () => {
    const run = kubesim(['--lesson', 'nodeports', '--json'], '');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^kubesim: no lesson nodeports; lessons: why-services, .*nodeport, /);
  }, 30_000);
});
