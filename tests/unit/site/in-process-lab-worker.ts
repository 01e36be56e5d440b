/**
 * The lab's Web Worker for element tests: the same LabService the worker exposes, served over a
 * Node message channel in this process (happy-dom has no workers).
 */
import { expose } from 'comlink';
import { vi } from 'vitest';
import { LabService } from '../../../src/components/lab/lab-service.ts';

const NodeMessageChannel = globalThis.MessageChannel;

export function stubLabWorker(): void {
  vi.stubGlobal(
    'Worker',
    class {
      constructor() {
        const { port1, port2 } = new NodeMessageChannel();
        expose(new LabService(), port1);
        return port2;
      }
    },
  );
}
