/**
 * The lab as the page meets it: the worker's service spoken to through comlink over a message
 * channel, as lab-client.ts does with the Web Worker.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expose, proxy, wrap, type Remote } from 'comlink';
import { LabService, type LabOpening, type LabPage } from '../../../src/components/lab/lab-service.ts';
import { readShareFragment } from '../../../src/components/lab/share-link.ts';
import { toPageExercise } from '../../../src/course/page-exercise.ts';
import { loadExercisesFromDisk } from '../../../src/cli/exercise-files.ts';

const exercise = loadExercisesFromDisk().find((e) => e.id === 'creating-expose')!;
const serviceYaml =
  'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 82\n';

const opening: LabOpening = {
  config: {
    slug: 'test',
    seed: 7,
    setup: ['kubectl create deployment web --image=nginx --replicas=2'],
    files: { 'svc.yaml': serviceYaml },
  },
  exercises: { [exercise.id]: toPageExercise(exercise) },
};

const channels: MessagePort[] = [];
afterEach(() => {
  for (const port of channels.splice(0)) port.close();
});

interface FakePage extends LabPage {
  saved: string[];
  edits: string[];
  objectBursts: number;
  routes: boolean[];
}

function fakePage(): FakePage {
  const page: FakePage = {
    saved: [],
    edits: [],
    objectBursts: 0,
    routes: [],
    save: (saved) => void page.saved.push(saved),
    objectsChanged: () => void page.objectBursts++,
    traffic: (_path, ok) => void page.routes.push(ok),
    edit: async (path) => void page.edits.push(path),
  };
  return page;
}

async function openLab(from: Partial<LabOpening> = {}) {
  const { port1, port2 } = new MessageChannel();
  channels.push(port1, port2);
  expose(new LabService(), port1);
  const lab: Remote<LabService> = wrap<LabService>(port2);
  const page = fakePage();
  const opened = await lab.open({ ...opening, ...from }, proxy(page));
  return { lab, page, opened };
}

async function run(lab: Remote<LabService>, line: string) {
  let stdout = '';
  let stderr = '';
  const output = {
    stdout: (chunk: string) => void (stdout += chunk),
    stderr: (chunk: string) => void (stderr += chunk),
  };
  const done = await lab.exec(line, proxy(output));
  return { stdout, stderr, ...done };
}

describe('the lab in its worker', () => {
  it("starts on the lesson's setup with the lesson's files, streams a command's output and records it", async () => {
    const { lab } = await openLab();
    expect(await lab.readFile('svc.yaml')).toBe(serviceYaml);
    const result = await run(lab, 'kubectl get deployments');
    expect(result.stdout).toMatch(/^NAME +READY +UP-TO-DATE +AVAILABLE +AGE\nweb +2\/2 +2 +2 +\S+\n$/);
    expect(result.exitCode).toBe(0);
    expect(await lab.transcript()).toEqual([
      { type: 'write', path: 'svc.yaml', content: serviceYaml },
      { type: 'exec', line: 'kubectl get deployments' },
    ]);
  });

  it('completes a line and tells when the terminal is in a pod shell', async () => {
    const { lab } = await openLab();
    expect(await lab.complete('kubectl get deployments w', 25)).toEqual({ from: 24, items: ['web'] });
    expect(await lab.podPrompt()).toBeUndefined();
  });

  it('saves after each command, and a page reopened from the save has the same cluster and transcript', async () => {
    const first = await openLab();
    await run(first.lab, 'kubectl apply -f svc.yaml');
    // The save crosses on the page's channel, beside the command's answer.
    const saved = await vi.waitFor(() =>
      first.page.saved.find((text) => text.includes('"kubectl apply -f svc.yaml"'))!,
    );
    const second = await openLab({ saved });
    expect((await run(second.lab, 'kubectl get services web -o name')).stdout).toBe('service/web\n');
    expect((await second.lab.transcript()).map((entry) => entry.type)).toEqual(['write', 'exec', 'exec']);
    expect(second.opened.replayed).toBeUndefined();
  });

  it('ignores a save from another version of the lesson and starts fresh', async () => {
    const first = await openLab();
    await run(first.lab, 'kubectl apply -f svc.yaml');
    const saved = await vi.waitFor(() =>
      first.page.saved.find((text) => text.includes('"kubectl apply -f svc.yaml"'))!,
    );
    const { lab } = await openLab({ config: { ...opening.config, seed: 8 }, saved });
    expect((await run(lab, 'kubectl get services web')).stderr).toBe(
      'Error from server (NotFound): services "web" not found\n',
    );
  });

  it("rebuilds a Share link's work on a fresh page", async () => {
    const first = await openLab();
    await first.lab.writeFile('svc.yaml', serviceYaml.replace('82', '83'));
    await run(first.lab, 'kubectl apply -f svc.yaml');
    const shared = readShareFragment(await first.lab.shareFragment(undefined))!;
    const { lab, opened } = await openLab({ shared });
    // The edited file replaced the lesson's first version of it: one step per file between commands.
    expect(opened.replayed).toBe(2);
    expect(opened.sharedExercise).toBeUndefined();
    expect((await run(lab, "kubectl get service web -o jsonpath='{.spec.ports[0].port}'")).stdout).toBe('83');
  });

  it("replays work shared during an exercise from that exercise's start", async () => {
    const first = await openLab();
    await first.lab.startExercise(exercise.id);
    await run(first.lab, 'kubectl expose deployment web --type=NodePort --port=82 --target-port=300');
    const shared = readShareFragment(await first.lab.shareFragment(exercise.id))!;
    expect(shared.exercise).toBe(exercise.id);
    const { lab, opened } = await openLab({ shared });
    expect(opened).toMatchObject({ replayed: 1, sharedExercise: exercise.id });
    const checks = await lab.gradeLive(exercise.id, opened.generation);
    expect(checks?.map((check) => [check.id, check.passed])).toEqual([
      ['service', true],
      ['ports', true],
      ['describe', false],
    ]);
  });

  it("grades an exercise live on its own cluster, and stops once the lab is reset to the lesson's", async () => {
    const { lab, page } = await openLab();
    const generation = await lab.startExercise(exercise.id);
    expect((await lab.gradeLive(exercise.id, generation))?.every((check) => !check.passed)).toBe(true);
    await run(lab, 'kubectl expose deployment web --type=NodePort --port=82 --target-port=300');
    await run(lab, 'kubectl describe service web');
    expect((await lab.gradeLive(exercise.id, generation))?.every((check) => check.passed)).toBe(true);
    await vi.waitFor(() => expect(page.objectBursts).toBeGreaterThan(0));
    await lab.reset();
    expect(await lab.gradeLive(exercise.id, generation)).toBeUndefined();
    expect(await lab.transcript()).toEqual([{ type: 'write', path: 'svc.yaml', content: serviceYaml }]);
  });

  it('asks the page to edit a file for kubectl edit, and tells it of requests on the network', async () => {
    const { lab, page } = await openLab();
    await run(lab, 'kubectl apply -f svc.yaml');
    await run(lab, 'kubectl edit service web');
    expect(page.edits).toHaveLength(1);
    await run(lab, 'kubectl expose deployment web --name=np --type=NodePort --port=80 --target-port=80');
    const nodePort = (await run(lab, "kubectl get service np -o jsonpath='{.spec.ports[0].nodePort}'"))
      .stdout;
    await run(lab, `curl -s -m 2 http://192.168.49.2:${nodePort}`);
    await vi.waitFor(() => expect(page.routes).toEqual([true]));
  });

  it('stops a streaming command when interrupted', async () => {
    const { lab } = await openLab();
    const watching = run(lab, 'kubectl get pods -w');
    await new Promise((resolve) => setTimeout(resolve, 50));
    await lab.interrupt();
    expect((await watching).stdout).toMatch(/^NAME +READY +STATUS/);
  });
});
