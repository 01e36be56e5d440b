/**
 * Background jobs (`kubectl port-forward svc/web 8080:82 &`): in a live terminal the command keeps
 * running while the learner types (`curl localhost:8080`), `jobs` lists it, `kill %1` stops it, and
 * bash's `[1]+  Done` notice appears before the next command.
 */
import type { CommandIO } from './command.ts';

interface Job {
  id: number;
  pid: number;
  text: string;
  controller: AbortController;
  state: 'Running' | 'Done' | 'Terminated' | `Exit ${number}`;
  reported: boolean;
}

/** bash pads the state column to this width: `[1]+  Done                    sleep 5`. */
const STATE_WIDTH = 24;

export class JobTable {
  readonly #jobs: Job[] = [];
  #nextPid = 4250;

  /** Start `run` in the background; bash prints `[1] 4250`. */
  start(text: string, io: CommandIO, run: (signal: AbortSignal) => Promise<number>): void {
    const id = (this.#jobs.filter((j) => !j.reported).at(-1)?.id ?? 0) + 1;
    const job: Job = {
      id,
      pid: this.#nextPid,
      text,
      controller: new AbortController(),
      state: 'Running',
      reported: false,
    };
    this.#nextPid += 7;
    this.#jobs.push(job);
    io.stderr(`[${id}] ${job.pid}\n`);
    void run(job.controller.signal).then(
      (code) => {
        job.state = job.controller.signal.aborted ? 'Terminated' : code === 0 ? 'Done' : `Exit ${code}`;
      },
      () => {
        job.state = 'Exit 1';
      },
    );
  }

  /** `jobs`: the jobs not yet reported finished, the newest marked `+`. */
  list(): string {
    const live = this.#jobs.filter((j) => !j.reported);
    return live
      .map((job, index) => this.#line(job, index === live.length - 1, job.state === 'Running' ? ' &' : ''))
      .join('');
  }

  /** `kill %N` or `kill PID`: ask the job to stop, as SIGTERM does. */
  kill(spec: string): 'killed' | 'no job' | 'no process' {
    const job = spec.startsWith('%')
      ? this.#jobs.find(
          (j) =>
            !j.reported && (spec === '%' || spec === '%+' ? j === this.#jobs.at(-1) : `%${j.id}` === spec),
        )
      : this.#jobs.find((j) => !j.reported && String(j.pid) === spec);
    if (!job || job.state !== 'Running') return spec.startsWith('%') ? 'no job' : 'no process';
    job.controller.abort();
    return 'killed';
  }

  /** The `[1]+  Done ...` notices bash prints before the next prompt, once each. */
  takeFinished(): string {
    const live = this.#jobs.filter((j) => !j.reported);
    let out = '';
    live.forEach((job, index) => {
      if (job.state === 'Running') return;
      out += this.#line(job, index === live.length - 1, '');
      job.reported = true;
    });
    return out;
  }

  #line(job: Job, current: boolean, suffix: string): string {
    return `[${job.id}]${current ? '+' : '-'}  ${job.state.padEnd(STATE_WIDTH)}${job.text}${suffix}\n`;
  }
}
