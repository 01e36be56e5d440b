/**
 * Completion of kubectl words for the shell's Tab: subcommands, resource types (and short
 * names), object names of a type in the namespace (`svc web`, `svc/web`), the command's flags, and
 * flag values (`-o` formats, `-n` namespaces, `--context` contexts). All derived from the command
 * table and the live cluster, as kubectl's own `__complete` does.
 */
import type { Runtime } from '../runtime.ts';
import type { KubectlCommand } from './command.ts';
import { COMMANDS } from './commands/index.ts';
import { GLOBAL_FLAGS } from './global-flags.ts';
import type { FlagSpec } from './flags.ts';
import { currentNamespace } from './kubeconfig.ts';
import { GET_FORMATS, OBJECT_FORMATS } from './printers/output.ts';

/** Candidates for `current`, the word under the cursor, after `words` (the arguments before it, without `kubectl`). */
export function completeKubectl(words: readonly string[], current: string, runtime: Runtime): string[] {
  let candidates: readonly KubectlCommand[] = COMMANDS;
  let command: KubectlCommand | undefined;
  const positionals: string[] = [];
  let namespace: string | undefined;
  let pendingFlag: FlagSpec | undefined;
  const flagsOf = (): FlagSpec[] => [...(command?.flags ?? []), ...GLOBAL_FLAGS];
  let afterDash = false;
  for (const word of words) {
    if (pendingFlag) {
      if (pendingFlag.name === 'namespace') namespace = word;
      pendingFlag = undefined;
      continue;
    }
    if (afterDash) continue;
    if (word === '--') {
      afterDash = true;
      continue;
    }
    if (word.startsWith('-') && word.length > 1) {
      const spec = findFlag(flagsOf(), word);
      const inline = word.includes('=') || (!word.startsWith('--') && word.length > 2);
      if (spec && spec.type !== 'bool' && spec.noOptDefault === undefined && !inline) pendingFlag = spec;
      if (spec?.name === 'namespace' && inline)
        namespace = word.startsWith('--')
          ? word.slice(word.indexOf('=') + 1)
          : word.slice(2).replace(/^=/, '');
      continue;
    }
    const sub =
      positionals.length === 0
        ? candidates.find((c) => c.name === word || c.aliases?.includes(word))
        : undefined;
    if (sub) {
      command = sub;
      candidates = sub.subcommands ?? [];
      continue;
    }
    positionals.push(word);
  }
  if (afterDash) return [];
  const ns = namespace ?? currentNamespace(runtime.kubeconfig);

  let items: string[];
  if (pendingFlag) {
    items = flagValues(pendingFlag, command, runtime);
  } else if (current.startsWith('--') && current.includes('=')) {
    const name = current.slice(2, current.indexOf('='));
    const spec = flagsOf().find((f) => f.name === name);
    items = spec ? flagValues(spec, command, runtime).map((v) => `--${name}=${v}`) : [];
  } else if (current.startsWith('-')) {
    items = flagsOf().flatMap((f) => [`--${f.name}`, ...(f.shorthand ? [`-${f.shorthand}`] : [])]);
  } else if (
    positionals.length === 0 &&
    candidates.length > 0 &&
    (command === undefined || command.subcommands)
  ) {
    items = candidates.map((c) => c.name);
    if (command?.run && command.completeArgs)
      items.push(...command.completeArgs({ runtime, positionals, namespace: ns, word: current }));
  } else if (command?.completeArgs) {
    items = command.completeArgs({ runtime, positionals, namespace: ns, word: current });
  } else {
    items = [];
  }
  return [...new Set(items.filter((item) => item.startsWith(current)))].sort();
}

function findFlag(specs: readonly FlagSpec[], word: string): FlagSpec | undefined {
  if (word.startsWith('--')) {
    const name = word.slice(2).split('=')[0];
    return specs.find((s) => s.name === name);
  }
  return specs.find((s) => s.shorthand === word[1]);
}

function flagValues(spec: FlagSpec, command: KubectlCommand | undefined, runtime: Runtime): string[] {
  if (spec.values) return [...spec.values];
  switch (spec.name) {
    case 'output':
      return command?.name === 'get' ? GET_FORMATS : [...OBJECT_FORMATS];
    case 'namespace':
      return [...runtime.api.store.peek('namespaces')].map((n) => n.metadata.name);
    case 'context':
      return runtime.kubeconfig.contexts.map((c) => c.name);
    case 'cluster':
      return [runtime.kubeconfig.clusterName];
    case 'user':
      return [runtime.kubeconfig.userName];
    default:
      return [];
  }
}
