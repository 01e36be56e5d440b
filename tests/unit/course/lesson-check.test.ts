/** What `npm run lesson -- check` tells an author about a lesson that would mislead a learner. */
import { describe, expect, it } from 'vitest';
import { parseLesson } from '../../../src/cli/lesson-files.ts';
import { outputProblems, structureProblems } from '../../../src/cli/lesson-check.ts';
import { lessonReplays, replayProblems } from '../../../src/cli/lesson-replays.ts';
import { walkLesson } from '../../../src/cli/lesson-walk.ts';
import { createCluster } from '../../../src/sim/index.ts';

const frontmatter = '---\ntitle: A lesson\ndescription: What the learner will do here.\norder: 1\n---\n';
const fence = '```';

describe('checking a lesson', () => {
  it('shows where the output a lesson prints differs from what the terminal prints', async () => {
    const lesson = parseLesson(
      'content/lessons/01-a-lesson.mdx',
      `${frontmatter}\n${fence}sh\necho hello\n${fence}\n\n${fence}text\nhallo\n${fence}\n`,
    );
    expect(await outputProblems(lesson)).toEqual([
      'content/lessons/01-a-lesson.mdx:11: after `echo hello` the lesson shows\n    | hallo\nbut the terminal prints\n    | hello',
    ]);
  });

  it('takes output only from a block right after the commands, with no prose between', async () => {
    const lesson = parseLesson(
      'content/lessons/01-a-lesson.mdx',
      `${frontmatter}\n${fence}sh\necho hello\n${fence}\n\nSome prose.\n\n${fence}text\nanything\n${fence}\n`,
    );
    expect(await outputProblems(lesson)).toEqual([]);
  });

  it('refuses two editors on one file and shell blocks the terminal cannot run', () => {
    const editor = (content: string) =>
      `<YamlEditor file="web.yaml">\n\n${fence}yaml\n${content}\n${fence}\n\n</YamlEditor>\n`;
    const lesson = parseLesson(
      'content/lessons/01-a-lesson.mdx',
      `${frontmatter}\n${editor('kind: Service')}\n${editor('kind: Pod')}\n${fence}sh\nkubctl get pods\n${fence}\n`,
    );
    expect(structureProblems(lesson, [])).toEqual([
      'content/lessons/01-a-lesson.mdx:15: a second <YamlEditor file="web.yaml">: give each editor a file of its own',
      'content/lessons/01-a-lesson.mdx:23: a shell block the terminal cannot run: "kubctl get pods" (only commands the terminal knows, or a template with <placeholders>)',
    ]);
  });

  it("fails a command that works only with the names of the lesson's own seed", async () => {
    const setup = 'kubectl create deployment web --image=kube101/hello --replicas=2 --port=300';
    const own = createCluster({ seed: 101 });
    await own.exec(setup);
    own.settle();
    const pod = (await own.exec('kubectl get pods -o name | head -n 1')).stdout.trim();
    const lesson = parseLesson(
      'content/lessons/01-a-lesson.mdx',
      `---\ntitle: A lesson\ndescription: What the learner will do here.\norder: 1\nseed: 101\nsetup:\n  - ${setup}\n---\n\n` +
        `${fence}sh\nkubectl get pods -o wide\nPOD=$(kubectl get pods -o name | head -n 1)\nkubectl get $POD -o jsonpath='{.status.phase}'\n${fence}\n\n` +
        `${fence}sh\nkubectl delete ${pod}\n${fence}\n`,
    );
    const problems = await replayProblems(lesson);
    // The commands that read names from the cluster hold; the one that copied a name does not.
    expect(problems.map((problem) => problem.split('\n')[0])).toEqual(
      [1101, 2101].map(
        (seed) =>
          `content/lessons/01-a-lesson.mdx:16: \`kubectl delete ${pod}\` exits 1 on seed ${seed}, not 0: does it copy a generated name or value? Select by label, or read the value into a variable`,
      ),
    );
    expect(problems[0]).toContain(
      `Error from server (NotFound): pods "${pod.slice('pod/'.length)}" not found`,
    );
  });

  it('fails a block that shows a state a slower reader no longer sees, unless it waits for it', async () => {
    const lesson = (wait: string) =>
      parseLesson(
        'content/lessons/01-a-lesson.mdx',
        `${frontmatter}\n${fence}sh\nkubectl create service loadbalancer web --tcp=82:300\n${fence}\n\n` +
          `${fence}sh\n${wait}kubectl get service web -o jsonpath='{.status}'\n${fence}\n`,
      );
    const slowReader = lessonReplays(lesson('')).filter((replay) => replay.options.readingMs);
    expect((await replayProblems(lesson(''), slowReader)).map((p) => p.split('\n')[0])).toEqual([
      "content/lessons/01-a-lesson.mdx:11: `kubectl get service web -o jsonpath='{.status}'` prints other things when the learner reads a minute before each block: does the block show a state that time changes? Wait for the state first (kubectl wait, rollout status)",
    ]);
    const waits = "kubectl wait --for=jsonpath='{.status.loadBalancer.ingress}' service/web\n";
    expect(await replayProblems(lesson(waits), slowReader)).toEqual([]);
  });

  it("runs on the page's clock: what shows at once, and the later state only after a wait", async () => {
    const lesson = parseLesson(
      'content/lessons/01-a-lesson.mdx',
      `${frontmatter}\n${fence}sh\nkubectl create service loadbalancer web --tcp=82:300\nkubectl get service web -o jsonpath='{.status}'\n${fence}\n\n` +
        `${fence}sh\nkubectl get service web -o jsonpath='{.status}'\n${fence}\n\n` +
        `${fence}sh\nkubectl wait --for=jsonpath='{.status.loadBalancer.ingress}' service/web\nkubectl get service web -o jsonpath='{.status}'\n${fence}\n`,
    );
    const printed = (await walkLesson(lesson)).map((block) => block.printed);
    // A learner pressing Run at once, and again a second later, still sees no address.
    expect(printed.slice(0, 2)).toEqual(['service/web created\n{"loadBalancer":{}}', '{"loadBalancer":{}}']);
    expect(printed[2]).toBe(
      'service/web condition met\n{"loadBalancer":{"ingress":[{"ip":"192.168.49.200","ipMode":"VIP"}]}}',
    );
  });
});
