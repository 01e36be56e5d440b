import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../../src/sim/index.ts';

async function run(lines: string[], seed = 1) {
  const cluster = createCluster({ seed });
  const results = [];
  for (const line of lines) results.push(await cluster.exec(line));
  return {
    cluster,
    results,
    last: results[results.length - 1] as { stdout: string; stderr: string; exitCode: number },
  };
}

describe('workstation shell', () => {
  it('quotes and expands as bash does', async () => {
    const { last } = await run([
      `export NAME=web; echo "svc/$NAME" '$NAME' \${NAME}-x \${MISSING:-fallback}`,
    ]);
    expect(last).toEqual({ stdout: 'svc/web $NAME web-x fallback\n', stderr: '', exitCode: 0 });
  });

  it('answers an unknown command as bash does', async () => {
    const { last } = await run(['kubeclt get pods']);
    expect(last).toEqual({ stdout: '', stderr: 'bash: kubeclt: command not found\n', exitCode: 127 });
  });

  it('reports syntax errors with bash wording and exit code 2', async () => {
    const { last } = await run(['kubectl get pods | | wc -l']);
    expect(last).toEqual({
      stdout: '',
      stderr: "bash: syntax error near unexpected token `|'\n",
      exitCode: 2,
    });
  });

  it('pipes into grep, head, tail, wc, sort, uniq, cut and awk', async () => {
    const { results } = await run([
      "printf 'b 2\\na 1\\nb 3\\n' | sort",
      "printf 'b 2\\na 1\\nb 3\\n' | grep -c b",
      "printf 'b 2\\na 1\\nb 3\\n' | grep -vn b",
      "printf 'B\\nb\\n' | grep -i -w b",
      "printf '1\\n2\\n3\\n4\\n' | head -n 2 | tail -1",
      "printf '1\\n2\\n3\\n' | tail -n +2",
      "printf 'x\\nx\\ny\\n' | uniq -c",
      "printf 'a:b:c\\n' | cut -d: -f2,3",
      "echo 'NAME READY STATUS' | awk '{print $3, $1}'",
      "printf 'one two\\n' | wc",
      "printf 'a\\nb\\n' | wc -l",
      "printf 'web-1 Running\\nweb-2 Pending\\n' | awk '$2 == \"Running\" {print $1}'",
      "echo 'a|b' | grep -E 'a|z'",
    ]);
    expect(results.map((r) => r.stdout)).toEqual([
      'a 1\nb 2\nb 3\n',
      '2\n',
      '2:a 1\n',
      'B\nb\n',
      '2\n',
      '2\n3\n',
      '      2 x\n      1 y\n',
      'b:c\n',
      'STATUS NAME\n',
      '      1       2       8\n',
      '2\n',
      'web-1\n',
      'a|b\n',
    ]);
  });

  it('redirects to files the editor sees, appends, and merges stderr', async () => {
    const { cluster, results } = await run([
      'echo one > notes.txt',
      'echo two >> notes.txt',
      'cat notes.txt',
      'cat missing.txt 2>&1 | wc -l',
      'cat missing.txt 2>/dev/null; echo "exit $?"',
      'wc -l < notes.txt',
      'ls nodir/x > nodir/out',
    ]);
    expect(cluster.fs.read('notes.txt')).toBe('one\ntwo\n');
    expect(results[2]?.stdout).toBe('one\ntwo\n');
    expect(results[3]?.stdout).toBe('1\n');
    expect(results[4]).toEqual({ stdout: 'exit 1\n', stderr: '', exitCode: 0 });
    expect(results[5]?.stdout).toBe('2\n');
    expect(results[6]).toEqual({
      stdout: '',
      stderr: 'bash: nodir/out: No such file or directory\n',
      exitCode: 1,
    });
  });

  it('writes here-documents, expanding unless the delimiter is quoted', async () => {
    const { cluster, results } = await run([
      'cat <<EOF > svc.yaml\nkind: Service\nhome: $HOME\nEOF',
      "cat <<'EOF' > raw.txt\nhome: $HOME\nEOF",
      'cat <<-EOF\n\tindented\n\tEOF',
      'cat <<EOF\nno terminator',
    ]);
    expect(cluster.fs.read('svc.yaml')).toBe('kind: Service\nhome: /home/learner\n');
    expect(cluster.fs.read('raw.txt')).toBe('home: $HOME\n');
    expect(results[2]?.stdout).toBe('indented\n');
    expect(results[3]).toEqual({
      stdout: 'no terminator\n',
      stderr: "bash: warning: here-document at line 1 delimited by end-of-file (wanted `EOF')\n",
      exitCode: 0,
    });
  });

  it('runs && and || by exit status and keeps $?', async () => {
    const { last } = await run(['false && echo no || echo "yes $?"; true; echo $?']);
    expect(last.stdout).toBe('yes 1\n0\n');
  });

  it('loops over command substitutions', async () => {
    const { last } = await run(['for n in $(seq 1 3); do echo "n=$n"; done | tail -2']);
    expect(last.stdout).toBe('n=2\nn=3\n');
  });

  it('has the k alias and an alias builtin', async () => {
    const { results } = await run([
      'k version --client',
      'alias kgp="kubectl get pods"',
      'alias kgp',
      'type k',
    ]);
    expect(results[0]?.stdout).toMatch(/^Client Version: v1\.35\.2\n/);
    expect(results[2]?.stdout).toBe("alias kgp='kubectl get pods'\n");
    expect(results[3]?.stdout).toBe("k is aliased to `kubectl'\n");
  });

  it('keeps the working directory and files between lines', async () => {
    const { results } = await run([
      'mkdir app',
      'cd app',
      'touch a.yaml b.yaml',
      'pwd',
      'ls',
      'cd /nowhere',
      'rm nothing',
      'rm -f nothing',
    ]);
    expect(results[3]?.stdout).toBe('/home/learner/app\n');
    expect(results[4]?.stdout).toBe('a.yaml  b.yaml\n');
    expect(results[5]).toEqual({
      stdout: '',
      stderr: 'bash: cd: /nowhere: No such file or directory\n',
      exitCode: 1,
    });
    expect(results[6]).toEqual({
      stdout: '',
      stderr: "rm: cannot remove 'nothing': No such file or directory\n",
      exitCode: 1,
    });
    expect(results[7]?.exitCode).toBe(0);
  });

  it('keeps the variables a learner set across a snapshot, as a reloaded page does', async () => {
    const { cluster } = await run([
      'kubectl create service nodeport web --tcp=82:300',
      "NODE_PORT=$(kubectl get svc web -o jsonpath='{.spec.ports[0].nodePort}')",
      'export HOME=/tmp',
    ]);
    const restored = createCluster({ snapshot: JSON.parse(JSON.stringify(cluster.snapshot())) });
    const port = (await cluster.exec('echo $NODE_PORT')).stdout;
    expect(port).toMatch(/^3\d{4}\n$/);
    expect(await restored.exec('echo $NODE_PORT $HOME')).toEqual({
      stdout: `${port.trim()} /tmp\n`,
      stderr: '',
      exitCode: 0,
    });
    expect((await createCluster().exec('echo "[$NODE_PORT]"')).stdout).toBe('[]\n');
  });

  it('expands globs against the files', async () => {
    const { last } = await run(['touch a.yaml b.yaml c.txt', 'echo *.yaml "*.yaml" nomatch*']);
    expect(last.stdout).toBe('a.yaml b.yaml *.yaml nomatch*\n');
  });

  it('clears the screen with the ANSI sequence and numbers the history', async () => {
    const { results } = await run(['clear', 'echo hi', 'history']);
    expect(results[0]?.stdout).toBe('\x1b[H\x1b[2J\x1b[3J');
    expect(results[2]?.stdout).toBe('    1  clear\n    2  echo hi\n    3  history\n');
  });

  it('lets virtual time pass with sleep', async () => {
    const { cluster, results } = await run(['sleep 1m 30s', 'sleep soon']);
    expect(results[0]?.exitCode).toBe(0);
    expect(results[1]).toEqual({
      stdout: '',
      stderr: "sleep: invalid time interval ‘soon’\nTry 'sleep --help' for more information.\n",
      exitCode: 1,
    });
    expect(cluster.now()).toBe(Date.UTC(2026, 0, 5, 9, 10, 0) + 90_000);
  });

  it('decodes base64 as people decode secrets, and echo -n/-e behave', async () => {
    const { results } = await run([
      "echo -n 'c2VjcmV0' | base64 -d",
      'echo -n hi | base64',
      "echo -e 'a\\tb'",
    ]);
    expect(results.map((r) => r.stdout)).toEqual(['secret', 'aGk=\n', 'a\tb\n']);
  });

  it('answers vi without a page with a way to write files', async () => {
    const { last } = await run(['vi svc.yaml']);
    expect(last.exitCode).toBe(1);
    expect(last.stderr).toContain('cat <<EOF > svc.yaml');
  });

  it('opens vi through the page editor hook when there is one', async () => {
    const cluster = createCluster({ seed: 1 });
    const opened: string[] = [];
    cluster.onEdit = async (path) => {
      opened.push(path);
    };
    expect((await cluster.exec('vim svc.yaml')).exitCode).toBe(0);
    expect(opened).toEqual(['/home/learner/svc.yaml']);
  });

  it('expands braces and arithmetic, and runs if, test and counting loops', async () => {
    const { results } = await run([
      'echo {1..3} web-{a,b}.yaml "{1..2}"',
      'i=0; while [ $i -lt 3 ]; do echo -n "$i "; i=$((i+1)); done; echo',
      'if [ -f nofile ]; then echo file; elif [ "$HOME" = /home/learner ]; then echo home; else echo neither; fi',
      'echo $((2**10 + 3*4)) $(( (7 - 1) / 4 ))',
      '[ 1 -eq a ]',
      'if true; then; fi',
    ]);
    expect(results.map((r) => r.stdout)).toEqual([
      '1 2 3 web-a.yaml web-b.yaml {1..2}\n',
      '0 1 2 \n',
      'home\n',
      '1036 1\n',
      '',
      '',
    ]);
    expect(results[4]).toMatchObject({ stderr: 'bash: [: a: integer expression expected\n', exitCode: 2 });
    expect(results[5]).toMatchObject({
      stderr: "bash: syntax error near unexpected token `;'\n",
      exitCode: 2,
    });
  });

  it('runs `&` jobs in the background of a live terminal, lists, reports and kills them', async () => {
    const cluster = createCluster({ seed: 1 });
    const live = { interactive: true };
    expect(await cluster.exec('sleep 2 & echo started', live)).toEqual({
      stdout: 'started\n',
      stderr: '[1] 4250\n',
      exitCode: 0,
    });
    cluster.advance(2000); // the page moves the clock with the wall clock while the learner reads
    await new Promise((resolve) => setTimeout(resolve, 0)); // and the learner types the next line later
    expect(await cluster.exec('jobs', live)).toEqual({
      stdout: '',
      stderr: '[1]+  Done                    sleep 2\n',
      exitCode: 0,
    });
    expect(await cluster.exec('kill %1; kill 99', live)).toEqual({
      stdout: '',
      stderr: 'bash: kill: %1: no such job\nbash: kill: (99) - No such process\n',
      exitCode: 1,
    });
    expect(await cluster.exec('echo headless & echo then')).toEqual({
      stdout: 'headless\nthen\n',
      stderr: '',
      exitCode: 0,
    });
  });

  it('edits streams with sed, builds commands with xargs and expands ~', async () => {
    const { results } = await run([
      "printf 'replicas: 1\\nname: web\\n' | sed 's/replicas: 1/replicas: 3/'",
      "echo aaa | sed -e 's/a/b/g' -e 's/b/c/'",
      'kubectl get nodes -o name | xargs -n1 echo node:',
      'echo ~ ~/x "~"',
      "echo x | sed 's/(/'",
    ]);
    expect(results.map((r) => r.stdout)).toEqual([
      'replicas: 3\nname: web\n',
      'cbb\n',
      'node: node/control-plane\nnode: node/worker-1\nnode: node/worker-2\n',
      '/home/learner /home/learner/x ~\n',
      '',
    ]);
    expect(results[4]?.stderr).toBe("sed: -e expression #1, char 4: unterminated `s' command\n");
  });

  it('edits a file in place with sed -i, as a learner fixes a manifest', async () => {
    const { results } = await run([
      "printf 'containerPort: 8080\nport: 8080\n' > deployment.yaml",
      'sed -i "s/8080/300/" deployment.yaml',
      'cat deployment.yaml',
      "sed -i 's/a/b/'",
    ]);
    expect(results[1]).toMatchObject({ stdout: '', exitCode: 0 });
    expect(results[2]?.stdout).toBe('containerPort: 300\nport: 300\n');
    expect(results[3]).toMatchObject({ stderr: 'sed: no input files\n', exitCode: 1 });
  });

  it('stops a runaway while loop', async () => {
    const { last } = await run(['while true; do true; done']);
    expect(last.exitCode).toBe(130);
  });
});
