/** How page parts (a code block's Run button, the editor's Apply) ask the terminal to run lines. */
export const runCommandsEvent = 'kube101:run';

export interface RunCommandsDetail {
  commands: string[];
}

export function runInTerminal(commands: string[]): void {
  window.dispatchEvent(new CustomEvent<RunCommandsDetail>(runCommandsEvent, { detail: { commands } }));
}
