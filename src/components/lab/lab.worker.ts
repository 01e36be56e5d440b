/** The lab's Web Worker: the simulated cluster runs here, off the page's main thread. */
import { expose } from 'comlink';
import { LabService } from './lab-service.ts';

expose(new LabService());
