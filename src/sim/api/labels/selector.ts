/**
 * Label selectors as apimachinery's `labels` package parses and matches them: the string form
 * kubectl sends (`app=web,tier!=db`, `env in (a,b)`, `!key`), with the parser's own error texts,
 * and the structured form (`matchLabels`/`matchExpressions`) that Deployments and ReplicaSets carry.
 */
import type { LabelSelector } from '../types.ts';
import { labelValueErrors, qualifiedNameErrors } from '../validation/labels.ts';

export type Operator = '=' | '==' | '!=' | 'in' | 'notin' | 'exists' | '!' | 'gt' | 'lt';

export interface Requirement {
  key: string;
  operator: Operator;
  values: string[];
}

export type Labels = Readonly<Record<string, string>> | undefined;

/** A selector string that does not parse; `message` is the apimachinery error text. */
export class SelectorParseError extends Error {}

const enum Token {
  Error,
  End,
  ClosedPar,
  Comma,
  DoesNotExist,
  DoubleEquals,
  Equals,
  GreaterThan,
  Identifier,
  In,
  LessThan,
  NotEquals,
  NotIn,
  OpenPar,
}

const LITERAL_TOKENS: Record<string, Token> = {
  ')': Token.ClosedPar,
  ',': Token.Comma,
  '!': Token.DoesNotExist,
  '==': Token.DoubleEquals,
  '=': Token.Equals,
  '>': Token.GreaterThan,
  in: Token.In,
  '<': Token.LessThan,
  '!=': Token.NotEquals,
  notin: Token.NotIn,
  '(': Token.OpenPar,
};

const BINARY_OPERATORS = 'in, notin, =, ==, !=, gt, lt';

interface Scanned {
  token: Token;
  literal: string;
}

const isWhitespace = (c: string): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\n';
const isSpecial = (c: string): boolean => '=!(),><'.includes(c);

function lex(input: string): Scanned[] {
  const items: Scanned[] = [];
  let pos = 0;
  for (;;) {
    while (pos < input.length && isWhitespace(input[pos] as string)) pos++;
    if (pos >= input.length) {
      items.push({ token: Token.End, literal: '' });
      return items;
    }
    const c = input[pos] as string;
    if (isSpecial(c)) {
      // Longest special-symbol run that is a known operator: `!=` over `!`, `==` over `=`.
      let buffer = '';
      let last: Scanned | undefined;
      while (pos < input.length && isSpecial(input[pos] as string)) {
        buffer += input[pos];
        const token = LITERAL_TOKENS[buffer];
        if (token !== undefined) {
          last = { token, literal: buffer };
          pos++;
        } else if (last) {
          break;
        } else {
          pos++;
        }
      }
      items.push(last ?? { token: Token.Error, literal: `error expected: keyword found '${buffer}'` });
    } else {
      let buffer = '';
      while (pos < input.length && !isSpecial(input[pos] as string) && !isWhitespace(input[pos] as string)) {
        buffer += input[pos++];
      }
      const token = LITERAL_TOKENS[buffer];
      items.push(
        token !== undefined ? { token, literal: buffer } : { token: Token.Identifier, literal: buffer },
      );
    }
  }
}

/** Parse a selector string as `labels.Parse` does; requirements sorted by key. Throws SelectorParseError. */
export function parseSelector(input: string): Requirement[] {
  const items = lex(input);
  let position = 0;
  // In value position `in` and `notin` are plain identifiers (`x in (in)`).
  const asValue = (item: Scanned): Scanned =>
    item.token === Token.In || item.token === Token.NotIn
      ? { token: Token.Identifier, literal: item.literal }
      : item;
  const lookahead = (): Scanned => asValue(items[position] as Scanned);
  const consume = (values = true): Scanned => {
    const item = items[position++] as Scanned;
    return values ? asValue(item) : item;
  };
  const fail = (message: string): never => {
    throw new SelectorParseError(message);
  };

  const parseValues = (): string[] => {
    const open = consume();
    if (open.token !== Token.OpenPar) fail(`found '${open.literal}' expected: '('`);
    const next = lookahead();
    if (next.token === Token.ClosedPar) {
      consume();
      return [''];
    }
    if (next.token !== Token.Identifier && next.token !== Token.Comma) {
      fail(`found '${next.literal}', expected: ',', ')' or identifier`);
    }
    const values = new Set<string>();
    for (;;) {
      const item = consume();
      if (item.token === Token.Identifier) {
        values.add(item.literal);
        const after = lookahead();
        if (after.token === Token.Comma) continue;
        if (after.token === Token.ClosedPar) break;
        fail(`found '${after.literal}', expected: ',' or ')'`);
      } else if (item.token === Token.Comma) {
        if (values.size === 0) values.add('');
        const after = lookahead();
        if (after.token === Token.ClosedPar) {
          values.add('');
          break;
        }
        if (after.token === Token.Comma) values.add('');
      } else {
        fail(`found '${item.literal}', expected: ',', or identifier`);
      }
    }
    if (consume().token !== Token.ClosedPar) fail(`found '${next.literal}', expected: ')'`);
    return [...values].sort();
  };

  const parseRequirement = (): Requirement => {
    let operator: Operator | undefined;
    let item = consume();
    if (item.token === Token.DoesNotExist) {
      operator = '!';
      item = consume();
    }
    if (item.token !== Token.Identifier) fail(`found '${item.literal}', expected: identifier`);
    const key = item.literal;
    const keyErrors = qualifiedNameErrors(key);
    if (keyErrors.length > 0) fail(`<nil>: Invalid value: ${JSON.stringify(key)}: ${keyErrors.join('; ')}`);
    const after = lookahead();
    if (after.token === Token.End || after.token === Token.Comma) {
      return { key, operator: operator ?? 'exists', values: [] };
    }
    const op = consume(false);
    let values: string[];
    switch (op.token) {
      case Token.In:
      case Token.NotIn:
        operator = op.token === Token.In ? 'in' : 'notin';
        values = parseValues();
        break;
      case Token.Equals:
      case Token.DoubleEquals:
      case Token.NotEquals:
      case Token.GreaterThan:
      case Token.LessThan: {
        operator = (
          {
            [Token.Equals]: '=',
            [Token.DoubleEquals]: '==',
            [Token.NotEquals]: '!=',
            [Token.GreaterThan]: 'gt',
            [Token.LessThan]: 'lt',
          } as const
        )[op.token];
        const next = lookahead();
        if (next.token === Token.End || next.token === Token.Comma) values = [''];
        else {
          const value = consume();
          if (value.token !== Token.Identifier) fail(`found '${value.literal}', expected: identifier`);
          values = [value.literal];
        }
        break;
      }
      default:
        return fail(`found '${op.literal}', expected: ${BINARY_OPERATORS}`);
    }
    const errors: string[] = [];
    if ((operator === 'gt' || operator === 'lt') && !/^[+-]?\d+$/.test(values[0] ?? '')) {
      errors.push(
        `values[0]: Invalid value: ${JSON.stringify(values[0])}: for 'Gt', 'Lt' operators, the value must be an integer`,
      );
    }
    values.forEach((value, index) => {
      const valueErrors = labelValueErrors(value);
      if (valueErrors.length > 0) {
        errors.push(
          `values[${index}][${key}]: Invalid value: ${JSON.stringify(value)}: ${valueErrors.join('; ')}`,
        );
      }
    });
    if (errors.length === 1) fail(errors[0] as string);
    if (errors.length > 1) fail(`[${errors.join(', ')}]`);
    return { key, operator: operator as Operator, values };
  };

  const requirements: Requirement[] = [];
  for (;;) {
    const item = lookahead();
    if (item.token === Token.End) break;
    if (item.token !== Token.Identifier && item.token !== Token.DoesNotExist) {
      fail(`found '${item.literal}', expected: !, identifier, or 'end of string'`);
    }
    try {
      requirements.push(parseRequirement());
    } catch (error) {
      if (error instanceof SelectorParseError)
        throw new SelectorParseError(`unable to parse requirement: ${error.message}`);
      throw error;
    }
    const separator = consume();
    if (separator.token === Token.End) break;
    if (separator.token !== Token.Comma)
      fail(`found '${separator.literal}', expected: ',' or 'end of string'`);
    const next = lookahead();
    if (next.token !== Token.Identifier && next.token !== Token.DoesNotExist) {
      fail(`found '${next.literal}', expected: identifier after ','`);
    }
  }
  return requirements.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

export function matchesRequirement(labels: Labels, requirement: Requirement): boolean {
  const has = labels !== undefined && Object.hasOwn(labels, requirement.key);
  const value = has ? (labels as Record<string, string>)[requirement.key] : undefined;
  switch (requirement.operator) {
    case '=':
    case '==':
    case 'in':
      return has && requirement.values.includes(value as string);
    case '!=':
    case 'notin':
      return !has || !requirement.values.includes(value as string);
    case 'exists':
      return has;
    case '!':
      return !has;
    case 'gt':
    case 'lt': {
      if (!has || !/^[+-]?\d+$/.test(value as string)) return false;
      const left = Number(value);
      const right = Number(requirement.values[0]);
      return requirement.operator === 'gt' ? left > right : left < right;
    }
  }
}

export function matchesRequirements(labels: Labels, requirements: readonly Requirement[]): boolean {
  for (const requirement of requirements) if (!matchesRequirement(labels, requirement)) return false;
  return true;
}

/** A Service-style selector: every key/value of `selector` present in `labels`. An empty map matches all. */
export function matchesMap(labels: Labels, selector: Readonly<Record<string, string>> | undefined): boolean {
  if (!selector) return true;
  for (const key in selector) {
    if (labels === undefined || labels[key] !== selector[key]) return false;
  }
  return true;
}

/**
 * A metav1.LabelSelector (matchLabels AND matchExpressions) as `metav1.LabelSelectorAsSelector`:
 * an empty selector matches everything, a missing one nothing.
 */
export function matchesSelector(labels: Labels, selector: LabelSelector | undefined | null): boolean {
  if (!selector) return false;
  if (!matchesMap(labels, selector.matchLabels)) return false;
  for (const expression of selector.matchExpressions ?? []) {
    const values = expression.values ?? [];
    const has = labels !== undefined && Object.hasOwn(labels, expression.key);
    const value = has ? labels[expression.key] : undefined;
    switch (expression.operator) {
      case 'In':
        if (!has || !values.includes(value as string)) return false;
        break;
      case 'NotIn':
        if (has && values.includes(value as string)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** `app=web,tier=db` for a map, keys sorted (labels.SelectorFromSet(...).String()). */
export function formatSelectorMap(selector: Readonly<Record<string, string>> | undefined): string {
  if (!selector) return '';
  return Object.keys(selector)
    .sort()
    .map((key) => `${key}=${selector[key]}`)
    .join(',');
}

/**
 * A LabelSelector as kubectl prints it (`metav1.LabelSelectorAsSelector(...).String()`):
 * `app=web,tier in (a,b),!x`, requirements sorted by key.
 */
export function formatLabelSelector(selector: LabelSelector | undefined | null): string {
  if (!selector) return '';
  const requirements: Requirement[] = [];
  for (const [key, value] of Object.entries(selector.matchLabels ?? {}))
    requirements.push({ key, operator: '=', values: [value] });
  for (const e of selector.matchExpressions ?? []) {
    const operator: Operator =
      e.operator === 'In'
        ? 'in'
        : e.operator === 'NotIn'
          ? 'notin'
          : e.operator === 'Exists'
            ? 'exists'
            : '!';
    requirements.push({ key: e.key, operator, values: [...(e.values ?? [])] });
  }
  requirements.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return requirements.map(formatRequirement).join(',');
}

export function formatRequirement(r: Requirement): string {
  const values = r.values.length === 1 ? (r.values[0] as string) : [...r.values].sort().join(',');
  switch (r.operator) {
    case 'exists':
      return r.key;
    case '!':
      return `!${r.key}`;
    case 'in':
      return `${r.key} in (${values})`;
    case 'notin':
      return `${r.key} notin (${values})`;
    case 'gt':
      return `${r.key}>${values}`;
    case 'lt':
      return `${r.key}<${values}`;
    default:
      return `${r.key}${r.operator}${values}`;
  }
}
