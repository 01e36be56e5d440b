/** The lesson's terminal in a real browser: typing, completion, history, heredocs, Ctrl-C, reload, Reset, Share. */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { baseURL, haveChromium, useBrowserPage } from './browser.ts';
import { focusTerminal, openLesson, run, screenText, waitForScreen } from './terminal-driver.ts';

describe.skipIf(!haveChromium)('the terminal', () => {
  const { context, page, errors } = useBrowserPage();

  beforeAll(async () => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  });
  beforeEach(async () => {
    await openLesson(page, 'why-services');
    await page.getByRole('button', { name: 'Reset' }).click();
    await page.locator('kube-terminal:not([data-busy])').waitFor();
    await focusTerminal(page);
  });

  it('shows three Ready nodes for kubectl get nodes', async () => {
    await run(page, 'kubectl get nodes');
    const screen = await screenText(page);
    expect(screen).toMatch(/NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION/);
    expect(screen).toMatch(/control-plane\s+Ready\s+control-plane/);
    expect(screen).toMatch(/worker-1\s+Ready\s+<none>/);
    expect(screen).toMatch(/worker-2\s+Ready\s+<none>/);
    expect(errors).toEqual([]);
  });

  it('completes commands with Tab and edits the line', async () => {
    await page.keyboard.type('kub');
    await page.keyboard.press('Tab');
    await page.keyboard.type('ge');
    await page.keyboard.press('Tab');
    await page.keyboard.type('nodes ');
    await waitForScreen(page, /\$ kubectl get nodes$/m);
    await page.keyboard.type('-o wid');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Alt+F');
    await page.keyboard.press('Control+K');
    await waitForScreen(page, /\$ kubectl$/m);
    await page.keyboard.press('Control+U');
    await run(page, 'kubectl get nodes -o wide');
    expect(await screenText(page)).toMatch(/worker-1\s+Ready\s+<none>\s+\d+m\s+v1\.35\.2\s+192\.168\.49\./);
  });

  it('recalls earlier commands with the up arrow, also after a reload', async () => {
    await run(page, 'echo first');
    await run(page, 'echo second');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await waitForScreen(page, /\$ echo first$/m);
    await page.keyboard.press('ArrowDown');
    await waitForScreen(page, /\$ echo second$/m);
    await page.keyboard.press('Control+C');
    await page.reload();
    await page.locator('kube-terminal[data-ready]').waitFor();
    await focusTerminal(page);
    await page.keyboard.press('ArrowUp');
    await waitForScreen(page, /\$ echo second$/m);
  });

  it('asks for more after an open quote, a trailing pipe or an unfinished loop, as the simulator does', async () => {
    await page.keyboard.type("echo 'unclosed");
    await page.keyboard.press('Enter');
    await waitForScreen(page, /\$ echo 'unclosed\n>$/m);
    await run(page, "still open'");
    await waitForScreen(page, /^unclosed\nstill open$/m);
    await page.keyboard.type('kubectl get nodes |');
    await page.keyboard.press('Enter');
    await waitForScreen(page, /\$ kubectl get nodes \|\n>$/m);
    await run(page, 'grep -c Ready');
    await waitForScreen(page, /^> grep -c Ready\n3$/m);
    await page.keyboard.type('for i in 1 2; do');
    await page.keyboard.press('Enter');
    await waitForScreen(page, /\$ for i in 1 2; do\n>$/m);
    await page.keyboard.type('echo loop $i');
    await page.keyboard.press('Enter');
    await run(page, 'done');
    await waitForScreen(page, /^> done\nloop 1\nloop 2$/m);
    expect(errors).toEqual([]);
  });

  it('reads a here-document into a file that kubectl applies', async () => {
    await page.keyboard.type('cat <<EOF > pod.yaml');
    await page.keyboard.press('Enter');
    for (const line of [
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: hello',
      '  labels:',
      '    app: hello',
      'spec:',
      '  containers:',
      '  - name: web',
      '    image: nginx',
    ]) {
      await page.keyboard.type(line);
      await page.keyboard.press('Enter');
    }
    await waitForScreen(page, /^> {5}image: nginx$/m);
    await run(page, 'EOF');
    await run(page, 'kubectl apply -f pod.yaml');
    await waitForScreen(page, /pod\/hello created/);
  });

  it("shows a pod shell's own prompt, and the workstation's again after exit", async () => {
    await run(page, 'kubectl run tmp --rm -it --image=busybox --restart=Never -- sh');
    await waitForScreen(page, /\n\/ #\s*$/, 20_000);
    await run(page, 'hostname');
    await waitForScreen(page, /\n\/ # hostname\ntmp\n\/ #\s*$/);
    await run(page, 'exit');
    await waitForScreen(page, /\nworkstation:~\$\s*$/, 20_000);
  });

  it('stops a streaming command with Ctrl-C', async () => {
    await page.keyboard.type('kubectl get pods --watch');
    await page.keyboard.press('Enter');
    await page.locator('kube-terminal[data-busy]').waitFor();
    await page.waitForTimeout(300);
    await page.keyboard.press('Control+C');
    await page.locator('kube-terminal:not([data-busy])').waitFor({ timeout: 5000 });
    await waitForScreen(page, /\^C\nworkstation:~\$$/m);
  });

  it("runs a block that reads a pod's address into variables, which a reload keeps", async () => {
    const block = page.locator('code-block[data-commands*="POD=$("]');
    await block.getByRole('button', { name: /Run in terminal/ }).click();
    const screen = await waitForScreen(page, /^Hello from web-\S+ on port 300$/m);
    const address = /^pod\/(web-\S+) has the address (10\.244\.\d+\.\d+)$/m.exec(screen);
    expect(address).not.toBeNull();
    expect(screen).toContain(`Hello from ${address?.[1]} on port 300`);
    await page.locator('kube-terminal:not([data-busy])').waitFor();
    await page.reload();
    await page.locator('kube-terminal[data-ready]').waitFor();
    await focusTerminal(page);
    await run(page, 'echo "[$POD_IP]"');
    await waitForScreen(page, new RegExp(`^\\[${address?.[2]?.replaceAll('.', '\\.')}\\]$`, 'm'));
  });

  it('keeps the cluster across a reload and starts over on Reset', async () => {
    await run(page, 'kubectl create deployment kept --image=nginx --replicas=2');
    await waitForScreen(page, /deployment.apps\/kept created/);
    await page.reload();
    await page.locator('kube-terminal[data-ready]').waitFor();
    await focusTerminal(page);
    await run(page, 'kubectl get deployments');
    await waitForScreen(page, /^kept\s+\d\/2/m);
    await page.getByRole('button', { name: 'Reset' }).click();
    await page.getByRole('status').filter({ hasText: 'reset' }).waitFor();
    await focusTerminal(page);
    await run(page, 'kubectl get deployments');
    // The lesson's setup again: its Deployment `web`, and no `kept`.
    const screen = await waitForScreen(page, /^web\s+\d\/3/m);
    expect(screen.split('kubectl get deployments').at(-1)).not.toMatch(/^kept\s/m);
  });

  it('shares a link that rebuilds the same cluster', async () => {
    await run(page, 'kubectl create deployment shared --image=nginx');
    await page.getByRole('button', { name: 'Share' }).click();
    await page.getByRole('status').filter({ hasText: 'Link copied' }).waitFor();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(/#replay=[\w-]+$/);

    const stranger = await context.newPage();
    await stranger.goto(link);
    await stranger.locator('kube-terminal[data-ready]').waitFor({ timeout: 20_000 });
    // The lesson's editor file, then the command.
    await waitForScreen(stranger, /Rebuilt from a shared link: 2 steps replayed\./);
    expect(stranger.url()).not.toContain('#replay=');
    await focusTerminal(stranger);
    await run(stranger, 'kubectl get deployments');
    await waitForScreen(stranger, /^shared\s/m);
    await stranger.close();
  });
});
