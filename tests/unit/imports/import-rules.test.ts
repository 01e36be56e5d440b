/**
 * The import rules of `npm run lint` (its dependency-cruiser step with .dependency-cruiser.cjs), run
 * as lint runs them on a small project of their own: each forbidden shape fails the step, and its
 * allowed twin (types only, or downwards) passes.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** The dependency-cruiser command of the lint script, as words. */
function lintStep(): string[] {
  const lint = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: { lint: string } })
    .scripts.lint;
  const step = lint.split('&&').map((command) => command.trim().split(/\s+/));
  const depcruise = step.find((words) => words[0] === 'depcruise');
  if (!depcruise) throw new Error(`npm run lint has no depcruise step: ${lint}`);
  return depcruise.slice(1);
}

const FILES: Record<string, string> = {
  'tsconfig.json': JSON.stringify({
    compilerOptions: {
      target: 'ES2023',
      module: 'ESNext',
      verbatimModuleSyntax: true,
      allowImportingTsExtensions: true,
    },
  }),
  'src/sim/net/address.ts': "export const address = '10.96.0.1';\n",
  'src/sim/kubectl/version.ts':
    "import { address } from '../net/address.ts';\nexport type Flag = string;\nexport const version = `v1 ${address}`;\n",
  // Types that refer to each other are erased when compiled: no loop.
  'src/grading/types-a.ts': "import type { B } from './types-b.ts';\nexport interface A { b?: B }\n",
  'src/grading/types-b.ts': "import type { A } from './types-a.ts';\nexport interface B { a?: A }\n",
  // A type from a higher part is free.
  'src/sim/net/typed.ts':
    "import type { Flag } from '../kubectl/version.ts';\nexport const flags: Flag[] = [];\n",
};

const FORBIDDEN: Record<string, string> = {
  // Values imported in a loop, anywhere in src/.
  'src/grading/loop-a.ts': "import { b } from './loop-b.ts';\nexport const a = (): number => b() + 1;\n",
  'src/grading/loop-b.ts': "import { a } from './loop-a.ts';\nexport const b = (): number => a() - 1;\n",
  // net sits below kubectl: a value from kubectl in net is an upward import.
  'src/sim/net/upward.ts':
    "import { version } from '../kubectl/version.ts';\nexport const banner = version;\n",
  // A new file of src/sim that belongs to no part.
  'src/sim/stray.ts': "import { address } from './net/address.ts';\nexport const stray = address;\n",
};

function lintImports(files: Record<string, string>): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'import-rules-'));
  try {
    copyFileSync(join(root, '.dependency-cruiser.cjs'), join(dir, '.dependency-cruiser.cjs'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const bin = realpathSync(join(root, 'node_modules/.bin/depcruise'));
    const run = spawnSync(process.execPath, [bin, ...lintStep()], { cwd: dir, encoding: 'utf8' });
    return { status: run.status, output: run.stdout + run.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the import rules of npm run lint', () => {
  it('pass a project whose imports run one way', () => {
    const { status, output } = lintImports(FILES);
    expect(output).toContain('no dependency violations found');
    expect(status).toBe(0);
  });

  it('fail on a loop of value imports between files, on an upward import between sim parts and on a sim file outside the parts', () => {
    const { status, output } = lintImports({ ...FILES, ...FORBIDDEN });
    expect(status).not.toBe(0);
    const errors = output.split('\n').filter((line) => /^\s*error /.test(line));
    expect(errors.map((line) => line.trim()).sort()).toEqual([
      'error no-import-cycle: src/grading/loop-a.ts →',
      'error sim-file-in-a-part: src/sim/stray.ts → src/sim/net/address.ts',
      'error sim-net-imports-only-below: src/sim/net/upward.ts → src/sim/kubectl/version.ts',
    ]);
    expect(output).toContain('src/grading/loop-b.ts');
  });
});
