/**
 * `kubectl set selector (-f FILENAME | TYPE NAME) EXPRESSIONS [--resource-version=version]`
 * (set_selector.go): replaces a Service's spec.selector with the equality terms given.
 */
import { parseSelector, SelectorParseError, type Requirement } from '../../../api/labels/selector.ts';
import type { KubectlCommand } from '../../command.ts';
import { CommandError } from '../../command.ts';
import { formatErrors } from '../../manifests/aggregate.ts';
import { flagsFromHelp } from '../write/help-flags.ts';
import { checkOutputFormat, dryRunStrategy, printObject, printWarnings } from '../write/output.ts';
import { setTargets } from './local.ts';
import { withoutResourceVersion } from './pod-template.ts';

/** metav1.LabelSelectorOperator names of the set-based operators. */
const EXPRESSION_OPERATORS: Partial<Record<Requirement['operator'], string>> = {
  in: 'In',
  notin: 'NotIn',
  exists: 'Exists',
  '!': 'DoesNotExist',
};

interface ParsedSelector {
  matchLabels: Record<string, string>;
  matchExpressions: Requirement[];
}

export const setSelectorCommand: KubectlCommand = {
  name: 'selector',
  short: 'Set the selector on a resource',
  flags: flagsFromHelp('set selector'),
  run(context) {
    const dryRun = dryRunStrategy(context);
    const args = context.positionals;
    const resources = args.slice(0, -1);
    const selector = args.length === 0 ? undefined : parseToLabelSelector(args[args.length - 1] as string);
    checkOutputFormat(context);
    if (!selector) throw new CommandError('one selector is required');

    const resourceVersion = context.flag<string>('resource-version') ?? '';
    const { local, ...resolved } = setTargets(context, resources, dryRun);
    const errors: unknown[] = [];
    for (const target of resolved.targets) {
      try {
        if (target.object.kind !== 'Service')
          throw new CommandError('setting a selector is only supported for Services');
        if (selector.matchExpressions.length > 0)
          throw new CommandError(
            `match expression ${formatExpressions(selector.matchExpressions)} not supported on this object`,
          );
        // --resource-version is sent with the patch as a precondition; without it nothing is.
        const after = structuredClone(target.object);
        if (resourceVersion !== '') after.metadata.resourceVersion = resourceVersion;
        const spec = (after['spec'] ??= {}) as { selector?: Record<string, string> };
        if (Object.keys(selector.matchLabels).length > 0) spec.selector = { ...selector.matchLabels };
        else delete spec.selector;
        if (local || dryRun === 'client') {
          printObject(context, after, { verb: 'selector updated', dryRun, fromServer: !local });
          continue;
        }
        const sent = resourceVersion === '' ? withoutResourceVersion(after) : after;
        const result = context.runtime.api.update(target.type.resource, sent, {
          dryRun: dryRun === 'server',
          fieldManager: context.flag<string>('field-manager'),
        });
        printWarnings(context, result.warnings);
        printObject(context, result.object, { verb: 'selector updated', dryRun, fromServer: true });
      } catch (error) {
        errors.push(error);
      }
    }
    errors.push(...resolved.errors);
    const { text, exitCode } = formatErrors(errors, context.path);
    context.stderr(text);
    return exitCode;
  },
};

/** metav1.ParseToLabelSelector: `=`/`==` terms become matchLabels, set-based ones matchExpressions. */
function parseToLabelSelector(text: string): ParsedSelector {
  let requirements: Requirement[];
  try {
    requirements = parseSelector(text);
  } catch (error) {
    if (!(error instanceof SelectorParseError)) throw error;
    throw new CommandError(`couldn't parse the selector string "${text}": ${error.message}`);
  }
  const parsed: ParsedSelector = { matchLabels: {}, matchExpressions: [] };
  for (const requirement of requirements) {
    if (requirement.operator === '=' || requirement.operator === '==')
      parsed.matchLabels[requirement.key] = requirement.values[0] ?? '';
    else if (EXPRESSION_OPERATORS[requirement.operator]) parsed.matchExpressions.push(requirement);
    else
      throw new CommandError(
        `${JSON.stringify(requirement.operator)} is not a valid label selector operator`,
      );
  }
  return parsed;
}

/** Go's %v of []LabelSelectorRequirement: `[{app In [a b]}]`. */
function formatExpressions(expressions: readonly Requirement[]): string {
  const items = expressions.map(
    (e) => `{${e.key} ${EXPRESSION_OPERATORS[e.operator] ?? e.operator} [${e.values.join(' ')}]}`,
  );
  return `[${items.join(' ')}]`;
}
