import { describe, expect, it } from 'vitest';
import { lex, type WordToken } from '../../../../src/sim/shell/lexer.ts';
import { parse } from '../../../../src/sim/shell/parser.ts';

const words = (input: string): string[] =>
  lex(input)
    .tokens.filter((t): t is WordToken => t.type === 'word')
    .map((t) =>
      t.parts
        .map((p) => (p.kind === 'text' ? p.text : `<${p.kind}:${p.kind === 'param' ? p.name : p.source}>`))
        .join(''),
    );

describe('shell lexer', () => {
  it('keeps single quotes literal and expands inside double quotes', () => {
    expect(words(`echo 'a $HOME "b"' "c $USER \\"d\\"" e\\ f`)).toEqual([
      'echo',
      'a $HOME "b"',
      'c <param:USER> "d"',
      'e f',
    ]);
  });

  it('gives every token its position in the input, for completion', () => {
    const tokens = lex('kubectl  get svc|grep web').tokens;
    expect(tokens.map((t) => [t.start, t.end])).toEqual([
      [0, 7],
      [9, 12],
      [13, 16],
      [16, 17],
      [17, 21],
      [22, 25],
    ]);
  });

  it('reads operators and file-descriptor redirections', () => {
    const tokens = lex('a && b || c; d 2>&1 >>out 2>/dev/null <in').tokens;
    expect(
      tokens.map((t) =>
        t.type === 'word' ? t.raw : t.type === 'redirect' ? `${t.fd ?? ''}${t.text}` : t.text,
      ),
    ).toEqual(['a', '&&', 'b', '||', 'c', ';', 'd', '2>&', '1', '>>', 'out', '2>', '/dev/null', '<', 'in']);
  });

  it('reads here-document bodies after the line that opens them', () => {
    const { tokens, incomplete } = lex('cat <<EOF > svc.yaml\nname: $NAME\nEOF\necho done');
    const redirect = tokens.find((t) => t.type === 'redirect' && t.text === '<<');
    expect(incomplete).toBeUndefined();
    expect(redirect?.type === 'redirect' && redirect.hereDocument?.body).toEqual([
      { kind: 'text', text: 'name: ', quoted: true },
      { kind: 'param', name: 'NAME', quoted: true },
      { kind: 'text', text: '\n', quoted: true },
    ]);
    expect(words('cat <<EOF > svc.yaml\nname: $NAME\nEOF\necho done')).toEqual([
      'cat',
      'EOF',
      'svc.yaml',
      'echo',
      'done',
    ]);
  });

  it('keeps a quoted here-document delimiter body literal and strips tabs for <<-', () => {
    const quoted = lex("cat <<'EOF'\n$HOME\nEOF").tokens.find((t) => t.type === 'redirect');
    expect(quoted?.type === 'redirect' && quoted.hereDocument).toMatchObject({
      literal: true,
      body: [{ text: '$HOME\n' }],
    });
    const tabs = lex('cat <<-END\n\t\tindented\n\tEND').tokens.find((t) => t.type === 'redirect');
    expect(tabs?.type === 'redirect' && tabs.hereDocument).toMatchObject({
      unterminated: false,
      body: [{ text: 'indented\n' }],
    });
  });

  it('says when input is unfinished', () => {
    expect(lex('echo "open').incomplete).toBe('quote');
    expect(lex("echo 'open").openQuote).toBe("'");
    expect(lex('cat <<EOF\nno end').incomplete).toBe('heredoc');
    expect(lex('echo a \\').incomplete).toBe('backslash');
    expect(lex('echo $(date').incomplete).toBe('substitution');
  });

  it('joins backslash-continued lines and skips comments', () => {
    expect(words('kubectl get \\\n  pods # all of them')).toEqual(['kubectl', 'get', 'pods']);
    expect(words('echo a#b')).toEqual(['echo', 'a#b']);
  });

  it('reads command substitutions, nested ones included', () => {
    expect(words('echo $(kubectl get pods -o name | head -1) `date`')).toEqual([
      'echo',
      '<command:kubectl get pods -o name | head -1>',
      '<command:date>',
    ]);
    expect(words('echo "$(echo "$(echo hi)")"')).toEqual(['echo', '<command:echo "$(echo hi)">']);
  });
});

describe('shell parser', () => {
  it('builds lists, pipelines and loops', () => {
    const list = parse(lex('a | b && c; for i in 1 2; do echo $i; done').tokens);
    expect(list).toHaveLength(2);
    expect(list[0]?.first.commands).toHaveLength(2);
    expect(list[0]?.rest[0]?.operator).toBe('&&');
    expect(list[1]?.first.commands[0]?.type).toBe('for');
  });

  it.each([
    ['| grep x', '|'],
    ['echo a | | b', '|'],
    ['echo a && && b', '&&'],
    ['echo >', 'newline'],
    [';', ';'],
    ['echo a ;; b', ';;'],
    ['done', 'done'],
  ])('rejects %j near %j', (input, near) => {
    expect(() => parse(lex(input).tokens)).toThrow(`syntax error near unexpected token \`${near}'`);
  });

  it('treats a trailing pipe or unfinished loop as the end of file coming too early', () => {
    expect(() => parse(lex('echo a |').tokens)).toThrow('syntax error: unexpected end of file');
    expect(() => parse(lex('for i in 1; do echo').tokens)).toThrow('syntax error: unexpected end of file');
  });
});
