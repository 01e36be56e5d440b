/**
 * The kubelet's readiness prober for one running container: ready at once without a probe, after
 * the initial delay when the probe's port answers, never when it does not — then an Unhealthy
 * event every period, worded as the prober words it.
 */
import type { ContainerRun } from './container-run.ts';
import { timeOf } from './objects.ts';
import { probeFailure, probeSucceeds } from './container-behaviour.ts';

/** Sets `ready` on the container's status; returns when a passing probe first succeeds. */
export function applyReadiness(run: ContainerRun): number | undefined {
  const { container, status } = run;
  const running = status.state?.running;
  if (!running) {
    status.ready = false;
    return undefined;
  }
  const probe = container.readinessProbe;
  if (!probe) {
    status.ready = true;
    return undefined;
  }
  if (!probeSucceeds(container, probe)) {
    status.ready = false;
    return undefined;
  }
  const readyAt = timeOf(running.startedAt) + (probe.initialDelaySeconds ?? 0) * 1000;
  status.ready = run.now >= readyAt;
  return readyAt;
}

/** A readiness probe that keeps failing: records Unhealthy when a period is due; returns the next one. */
export function reportFailingProbe(run: ContainerRun, podIP: string): number | undefined {
  const { container, status } = run;
  const running = status.state?.running;
  const probe = container.readinessProbe;
  if (!running || !probe || probeSucceeds(container, probe)) return undefined;
  const message = probeFailure(container, probe, podIP, 'Readiness');
  const period = (probe.periodSeconds ?? 10) * 1000;
  const previous = run.find('Unhealthy', message);
  const first = timeOf(running.startedAt) + (probe.initialDelaySeconds ?? 0) * 1000;
  const due =
    previous && timeOf(previous.lastTimestamp) >= first ? timeOf(previous.lastTimestamp) + period : first;
  if (due > run.now) return due;
  run.record('Warning', 'Unhealthy', message);
  return run.now - (run.now % 1000) + period;
}
