/** Label selectors: apimachinery's grammar, its error texts, and matching. */
import { describe, expect, it } from 'vitest';
import {
  formatLabelSelector,
  matchesMap,
  matchesRequirements,
  matchesSelector,
  parseSelector,
} from '../../../../src/sim/api/labels/selector.ts';

const labels = { app: 'web', env: 'prod', tier: 'front' };
const matches = (selector: string, l: Record<string, string> | undefined = labels) =>
  matchesRequirements(l, parseSelector(selector));

describe('parseSelector and matching', () => {
  it.each([
    ['app=web', true],
    ['app==web', true],
    ['app!=web', false],
    ['app!=db', true],
    ['env in (dev,prod)', true],
    ['env notin (prod)', false],
    ['env notin (dev)', true],
    ['app', true],
    ['!app', false],
    ['!missing', true],
    ['app=web,tier=front', true],
    ['app=web,tier=back', false],
    ['missing!=x', true],
    ['missing in (x)', false],
    ['', true],
  ])('%s → %s', (selector, expected) => {
    expect(matches(selector)).toBe(expected);
  });

  it('sorts requirements by key and reads `in` as a value inside parentheses', () => {
    expect(parseSelector('z=1,a in (in,notin)').map((r) => r.key)).toEqual(['a', 'z']);
    expect(parseSelector('a in (in,notin)')[0]?.values).toEqual(['in', 'notin']);
  });

  it.each([
    ['app in', "unable to parse requirement: found '' expected: '('"],
    ['a b', "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt"],
    ['=x', "found '=', expected: !, identifier, or 'end of string'"],
    ['app=we b', "found 'b', expected: ',' or 'end of string'"],
    ['app,', "found '', expected: identifier after ','"],
    [
      'a<b',
      "unable to parse requirement: values[0]: Invalid value: \"b\": for 'Gt', 'Lt' operators, the value must be an integer",
    ],
  ])('%s fails with apimachinery’s message', (selector, message) => {
    expect(() => parseSelector(selector)).toThrow(message);
  });

  it('rejects an invalid key with the validation message', () => {
    expect(() => parseSelector('a/b/c=x')).toThrow(
      /^unable to parse requirement: <nil>: Invalid value: "a\/b\/c": a qualified name must consist/,
    );
  });
});

describe('structured selectors', () => {
  it('matches matchLabels and matchExpressions together; a missing selector matches nothing', () => {
    expect(
      matchesSelector(labels, {
        matchLabels: { app: 'web' },
        matchExpressions: [{ key: 'env', operator: 'In', values: ['prod'] }],
      }),
    ).toBe(true);
    expect(matchesSelector(labels, { matchExpressions: [{ key: 'env', operator: 'DoesNotExist' }] })).toBe(
      false,
    );
    expect(matchesSelector(labels, {})).toBe(true);
    expect(matchesSelector(labels, undefined)).toBe(false);
  });

  it('matches a Service selector map; an empty map matches everything', () => {
    expect(matchesMap(labels, { app: 'web' })).toBe(true);
    expect(matchesMap(labels, { app: 'db' })).toBe(false);
    expect(matchesMap(undefined, { app: 'web' })).toBe(false);
    expect(matchesMap(undefined, {})).toBe(true);
  });

  it('formats a LabelSelector as kubectl prints it', () => {
    expect(
      formatLabelSelector({
        matchLabels: { b: '2', a: '1' },
        matchExpressions: [{ key: 'c', operator: 'NotIn', values: ['y', 'x'] }],
      }),
    ).toBe('a=1,b=2,c notin (x,y)');
  });
});
