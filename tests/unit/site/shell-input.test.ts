import { describe, expect, it } from 'vitest';
import { heredocTerminators, shellInputState } from '../../../src/components/terminal/shell-input.ts';

describe('shell input', () => {
  it('finds here-document terminators outside quotes', () => {
    expect(heredocTerminators('cat <<EOF > a.yaml')).toEqual([{ word: 'EOF', stripTabs: false }]);
    expect(heredocTerminators("cat <<-'END'")).toEqual([{ word: 'END', stripTabs: true }]);
    expect(heredocTerminators('echo "<<EOF" \'<<X\'')).toEqual([]);
    expect(heredocTerminators('cat <<< word')).toEqual([]);
  });

  it('waits for the terminator of each here-document in order', () => {
    expect(shellInputState(['cat <<A <<B', 'a', 'A'])).toEqual({ complete: false });
    expect(shellInputState(['cat <<A <<B', 'a', 'A', 'b', 'B'])).toEqual({
      complete: true,
      command: 'cat <<A <<B\na\nA\nb\nB',
    });
  });

  it('treats an escaped backslash at the end as text, not a continuation', () => {
    expect(shellInputState(['echo a\\\\'])).toEqual({ complete: true, command: 'echo a\\\\' });
    expect(shellInputState(['echo a\\'])).toEqual({ complete: false });
  });

  it('reads a here-document opened on a continued line', () => {
    expect(shellInputState(['kubectl apply \\', '-f - <<EOF', 'kind: Pod', 'EOF'])).toEqual({
      complete: true,
      command: 'kubectl apply -f - <<EOF\nkind: Pod\nEOF',
    });
  });
});
