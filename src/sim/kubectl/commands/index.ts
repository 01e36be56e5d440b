/**
 * The kubectl command table. Each command lives in its own file; this list is the one place that
 * says which commands exist, in the order `kubectl --help` groups them.
 */
import type { KubectlCommand } from '../command.ts';
import { versionCommand } from './version.ts';
import { createCommand } from './create/index.ts';
import { getCommand } from './get.ts';
import { applyCommand } from './apply.ts';
import { deleteCommand } from './delete.ts';
import { scaleCommand } from './scale.ts';
import { labelCommand } from './label.ts';
import { annotateCommand } from './annotate.ts';
import { describeCommand } from './describe.ts';
import { patchCommand } from './patch.ts';
import { exposeCommand } from './expose.ts';
import { runCommand } from './run.ts';
import { setCommand } from './set/index.ts';
import { logsCommand } from './logs.ts';
import { execCommand } from './exec.ts';
import { configCommand } from './config.ts';
import { apiResourcesCommand } from './api-resources.ts';
import { apiVersionsCommand } from './api-resources.ts';
import { clusterInfoCommand } from './cluster-info.ts';
import { optionsCommand } from './options.ts';
import { explainCommand } from './explain.ts';
import { rolloutCommand } from './rollout.ts';
import { waitCommand } from './wait.ts';
import { editCommand } from './edit.ts';
import { portForwardCommand } from './port-forward.ts';
import { eventsCommand } from './events.ts';

export const COMMANDS: readonly KubectlCommand[] = [
  createCommand,
  exposeCommand,
  runCommand,
  setCommand,
  explainCommand,
  getCommand,
  editCommand,
  deleteCommand,
  rolloutCommand,
  scaleCommand,
  clusterInfoCommand,
  describeCommand,
  logsCommand,
  execCommand,
  portForwardCommand,
  eventsCommand,
  applyCommand,
  patchCommand,
  waitCommand,
  labelCommand,
  annotateCommand,
  apiResourcesCommand,
  apiVersionsCommand,
  configCommand,
  versionCommand,
  optionsCommand,
];

/** Walk `argv` down the table: `create service nodeport web --tcp=82:300` → that subcommand. */
export function findCommand(argv: readonly string[]): {
  command: KubectlCommand | undefined;
  path: string[];
  rest: string[];
} {
  let candidates = COMMANDS;
  let command: KubectlCommand | undefined;
  const path: string[] = [];
  let index = 0;
  // cobra finds the command among the words that are not flags, skipping flag values it knows.
  const rest: string[] = [];
  while (index < argv.length) {
    const word = argv[index] as string;
    if (word.startsWith('-')) {
      rest.push(word);
      if (takesValue(word) && index + 1 < argv.length) rest.push(argv[++index] as string);
      index++;
      continue;
    }
    const next = candidates.find((c) => c.name === word || c.aliases?.includes(word));
    if (!next) break;
    command = next;
    path.push(next.name);
    candidates = next.subcommands ?? [];
    index++;
  }
  rest.push(...argv.slice(index));
  return { command, path, rest };
}

/** Global flags written `-n ns` / `--namespace ns` before the command name take the next word. */
function takesValue(word: string): boolean {
  return [
    '-n',
    '--namespace',
    '--context',
    '--kubeconfig',
    '--cluster',
    '--user',
    '-s',
    '--server',
    '--request-timeout',
    '-v',
    '--as',
    '--token',
  ].includes(word);
}
