/**
 * `kubectl edit FILE` and `vi FILE` ask the page's editor to open a file: an event on window, so an
 * editor can listen for it without loading the simulator.
 */
export const editRequestEvent = 'kube101:edit';

export interface EditRequest {
  path: string;
  /** The editor calls this when the learner is done editing; `kubectl edit` then reads the file. */
  done: () => void;
}
