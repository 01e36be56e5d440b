/**
 * The repository stands on its own: a person who clones it has docs/ARCHITECTURE.md, and no
 * tracked file may send them to a design document or a folder outside the clone.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const OUTSIDE = /\.\.\/shared\/|\bDESIGN\.md\b/;

function trackedTextFiles(): string[] {
  const files = execFileSync('git', ['ls-files', '-z'], { encoding: 'utf8' }).split('\0');
  return files.filter((file) => file !== '' && !/\.(png|ico|woff2?|svg|wasm|zip)$/.test(file));
}

describe('the repository', () => {
  it('points to nothing outside itself', () => {
    const pointing = trackedTextFiles().filter((file) => {
      const text = readFileSync(file, 'utf8');
      // This test names what it looks for.
      return file !== 'tests/unit/repo/self-contained.test.ts' && OUTSIDE.test(text);
    });
    expect(pointing).toEqual([]);
  });

  it('has its own architecture document', () => {
    expect(readFileSync('docs/ARCHITECTURE.md', 'utf8')).toMatch(/^# Kube101 — architecture/);
  });
});
