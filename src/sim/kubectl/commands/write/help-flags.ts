/**
 * A command's flags read from its captured `--help` text, so that every flag the real kubectl
 * accepts parses (with its default) even where the simulator gives it no meaning. pflag prints
 * each flag as `-o, --output='':` or `--replicas=1:`; the default's shape gives its type, and the
 * few that the shape cannot tell (string arrays, durations) are overridden by the command.
 */
import { HELP } from '../../help/index.ts';
import type { FlagSpec } from '../../flags.ts';

export function flagsFromHelp(
  helpKey: string,
  overrides: Record<string, Partial<FlagSpec>> = {},
): FlagSpec[] {
  const help = HELP[helpKey];
  if (help === undefined) throw new Error(`no help text for ${helpKey}`);
  const options = help.slice(help.indexOf('\nOptions:\n'), help.indexOf('\nUsage:\n'));
  const flags: FlagSpec[] = [];
  for (const match of options.matchAll(/^ {4}(?:-(\w), )?--([\w-]+)=(.*):$/gm)) {
    const [, shorthand, name = '', rawDefault = ''] = match;
    const spec: FlagSpec = { name, ...typeOf(rawDefault) };
    if (shorthand) spec.shorthand = shorthand;
    if (name === 'dry-run') spec.noOptDefault = 'unchanged';
    flags.push({ ...spec, ...overrides[name] });
  }
  return flags;
}

function typeOf(rawDefault: string): Pick<FlagSpec, 'type' | 'default'> {
  if (rawDefault === 'true' || rawDefault === 'false')
    return { type: 'bool', default: rawDefault === 'true' };
  if (rawDefault.startsWith('[')) {
    const inner = rawDefault.slice(1, -1);
    return { type: 'stringSlice', default: inner === '' ? [] : inner.split(',') };
  }
  if (/^-?\d+$/.test(rawDefault)) return { type: 'int', default: Number(rawDefault) };
  if (/^\d+(\.\d+)?(ns|us|ms|s|m|h)$/.test(rawDefault)) return { type: 'duration', default: rawDefault };
  const unquoted =
    rawDefault.startsWith("'") && rawDefault.endsWith("'") ? rawDefault.slice(1, -1) : rawDefault;
  return { type: 'string', default: unquoted };
}
