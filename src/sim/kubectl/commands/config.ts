/**
 * `kubectl config`: view, get-contexts, current-context, set-context (`--current --namespace=x`
 * is how a learner changes the default namespace), use-context, rename-context, delete-context,
 * get-clusters, get-users, all on the workstation's kubeconfig in the runtime.
 */
import type { Runtime } from '../../runtime.ts';
import type { CommandContext, KubectlCommand } from '../command.ts';
import { CommandError, UsageError } from '../command.ts';
import { flagsFromHelp } from './write/help-flags.ts';
import { kubeconfigDocument, type KubeconfigContext } from '../kubeconfig.ts';
import { parseOutputFormat, executeJsonPath } from '../printers/output.ts';
import { toYaml } from '../printers/yaml.ts';
import { toJson } from '../printers/json.ts';
import { formatColumns } from '../printers/tabwriter.ts';
import { HELP } from '../help/index.ts';

/** Where kubectl keeps the kubeconfig: `~/.kube/config` in the home of the machine it runs on. */
const kubeconfigPath = (runtime: Runtime): string => `${runtime.fs.home}/.kube/config`;

const view: KubectlCommand = {
  name: 'view',
  short: 'Display merged kubeconfig settings or a specified kubeconfig file',
  flags: flagsFromHelp('config view'),
  run(context) {
    const config = context.runtime.kubeconfig;
    const minify = context.flag<boolean>('minify');
    if (minify && !config.contexts.some((c) => c.name === config.currentContext)) {
      throw new CommandError(
        config.currentContext
          ? `cannot locate context ${config.currentContext}`
          : 'current-context must exist in order to minify',
      );
    }
    const document = kubeconfigDocument(config, { minify, raw: context.flag<boolean>('raw') });
    const format = parseOutputFormat(context.flag<string>('output'), {
      tables: false,
      fs: context.runtime.fs,
    });
    switch (format.kind) {
      case 'json':
        context.stdout(toJson(document));
        break;
      case 'jsonpath':
        context.stdout(executeJsonPath(format, document));
        break;
      case 'name':
        context.stdout('config/\n');
        break;
      default:
        context.stdout(toYaml(document));
    }
    return 0;
  },
};

const getContexts: KubectlCommand = {
  name: 'get-contexts',
  short: 'Describe one or many contexts',
  flags: flagsFromHelp('config get-contexts'),
  completeArgs: ({ runtime }) => runtime.kubeconfig.contexts.map((c) => c.name),
  run(context) {
    const config = context.runtime.kubeconfig;
    const output = context.flag<string>('output');
    if (output !== '' && output !== 'name')
      throw new CommandError(`output must be one of '' or 'name': ${output}`);
    const sorted = [...config.contexts].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const wanted = context.positionals;
    const shown = wanted.length === 0 ? sorted : sorted.filter((c) => wanted.includes(c.name));
    if (output === 'name') {
      context.stdout(shown.map((c) => `${c.name}\n`).join(''));
    } else {
      const rows = context.flag<boolean>('no-headers')
        ? []
        : [['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE']];
      for (const c of shown)
        rows.push([
          c.name === config.currentContext ? '*' : '',
          c.name,
          c.cluster,
          c.user,
          c.namespace ?? '',
        ]);
      context.stdout(formatColumns(rows));
    }
    const missing = wanted.filter((name) => !config.contexts.some((c) => c.name === name));
    if (missing.length > 0)
      throw new CommandError(missing.map((name) => `context ${name} not found`).join('\n'));
    return 0;
  },
};

const currentContext: KubectlCommand = {
  name: 'current-context',
  short: 'Display the current-context',
  run(context) {
    const current = context.runtime.kubeconfig.currentContext;
    if (!current) throw new CommandError('current-context is not set');
    context.stdout(`${current}\n`);
    return 0;
  },
};

const setContext: KubectlCommand = {
  name: 'set-context',
  short: 'Set a context entry in kubeconfig',
  flags: flagsFromHelp('config set-context'),
  completeArgs: ({ runtime }) => runtime.kubeconfig.contexts.map((c) => c.name),
  run(context) {
    const config = context.runtime.kubeconfig;
    const useCurrent = context.flag<boolean>('current');
    const name = context.positionals[0] ?? '';
    if (context.positionals.length > 1)
      throw new UsageError(`Unexpected args: ${goList(context.positionals)}`);
    if (useCurrent && name) throw new CommandError('you cannot specify both a context name and --current');
    const target = useCurrent ? config.currentContext : name;
    if (!target) throw new CommandError('you must specify a non-empty context name or --current');
    let entry: KubeconfigContext | undefined = config.contexts.find((c) => c.name === target);
    const existed = entry !== undefined;
    if (!entry) {
      if (useCurrent) throw new CommandError(`no current context is set`);
      entry = { name: target, cluster: '', user: '' };
      config.contexts.push(entry);
    }
    if (context.changed('cluster')) entry.cluster = context.flag<string>('cluster');
    if (context.changed('user')) entry.user = context.flag<string>('user');
    if (context.changed('namespace')) {
      const namespace = context.flag<string>('namespace');
      if (namespace) entry.namespace = namespace;
      else delete entry.namespace;
    }
    context.stdout(`Context "${target}" ${existed ? 'modified' : 'created'}.\n`);
    return 0;
  },
};

const useContext: KubectlCommand = {
  name: 'use-context',
  aliases: ['use'],
  short: 'Set the current-context in a kubeconfig file',
  completeArgs: ({ runtime }) => runtime.kubeconfig.contexts.map((c) => c.name),
  run(context) {
    const config = context.runtime.kubeconfig;
    if (context.positionals.length !== 1) {
      context.stdout(HELP['config use-context'] ?? '');
      throw new CommandError(`Unexpected args: ${goList(context.positionals)}`);
    }
    const name = context.positionals[0] as string;
    if (!config.contexts.some((c) => c.name === name))
      throw new CommandError(`no context exists with the name: "${name}"`);
    config.currentContext = name;
    context.stdout(`Switched to context "${name}".\n`);
    return 0;
  },
};

const renameContext: KubectlCommand = {
  name: 'rename-context',
  short: 'Rename a context from the kubeconfig file',
  completeArgs: ({ runtime }) => runtime.kubeconfig.contexts.map((c) => c.name),
  run(context) {
    const config = context.runtime.kubeconfig;
    if (context.positionals.length !== 2)
      throw new UsageError(`Unexpected args: ${goList(context.positionals)}`);
    const [from, to] = context.positionals as [string, string];
    const entry = config.contexts.find((c) => c.name === from);
    if (!entry)
      throw new CommandError(
        `cannot rename the context "${from}", it's not in ${kubeconfigPath(context.runtime)}`,
      );
    if (config.contexts.some((c) => c.name === to))
      throw new CommandError(
        `cannot rename the context "${from}", the context "${to}" already exists in ${kubeconfigPath(context.runtime)}`,
      );
    entry.name = to;
    if (config.currentContext === from) config.currentContext = to;
    context.stdout(`Context "${from}" renamed to "${to}".\n`);
    return 0;
  },
};

const deleteContext: KubectlCommand = {
  name: 'delete-context',
  short: 'Delete the specified context from the kubeconfig',
  completeArgs: ({ runtime }) => runtime.kubeconfig.contexts.map((c) => c.name),
  run(context) {
    const config = context.runtime.kubeconfig;
    if (context.positionals.length !== 1)
      throw new UsageError(`Unexpected args: ${goList(context.positionals)}`);
    const name = context.positionals[0] as string;
    const index = config.contexts.findIndex((c) => c.name === name);
    if (index < 0)
      throw new CommandError(`cannot delete context ${name}, not in ${kubeconfigPath(context.runtime)}`);
    if (config.currentContext === name) {
      context.stderr(
        'warning: this removed your active context, use "kubectl config use-context" to select a different one\n',
      );
    }
    config.contexts.splice(index, 1);
    context.stdout(`deleted context ${name} from ${kubeconfigPath(context.runtime)}\n`);
    return 0;
  },
};

const getClusters: KubectlCommand = {
  name: 'get-clusters',
  short: 'Display clusters defined in the kubeconfig',
  run(context) {
    context.stdout(`NAME\n${context.runtime.kubeconfig.clusterName}\n`);
    return 0;
  },
};

const getUsers: KubectlCommand = {
  name: 'get-users',
  short: 'Display users defined in the kubeconfig',
  run(context) {
    context.stdout(`NAME\n${context.runtime.kubeconfig.userName}\n`);
    return 0;
  },
};

/** Go's `%v` of a []string: `[a b]`. */
function goList(items: readonly string[]): string {
  return `[${items.join(' ')}]`;
}

export const configCommand: KubectlCommand = {
  name: 'config',
  short: 'Modify kubeconfig files',
  subcommands: [
    currentContext,
    deleteContext,
    getClusters,
    getContexts,
    getUsers,
    renameContext,
    setContext,
    useContext,
    view,
  ],
  run(context: CommandContext) {
    // cobra: a group given an unknown word reports it; alone it prints its help on stderr and fails.
    const word = context.positionals[0];
    if (word !== undefined) throw new UsageError(`unknown command "${word}"`);
    context.stderr(HELP['config'] ?? '');
    return 1;
  },
};
