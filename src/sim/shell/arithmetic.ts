/**
 * bash's `$(( ))` arithmetic on integers: + - * / % **, comparisons, && || !, parentheses and
 * variables (unset ones are 0), enough for counters in loops (`i=$((i+1))`).
 */
export class ArithmeticError extends Error {}

export function evaluateArithmetic(source: string, variable: (name: string) => string | undefined): number {
  const tokens = source.match(/\d+|[A-Za-z_][A-Za-z0-9_]*|\*\*|==|!=|<=|>=|&&|\|\||[-+*/%()<>!]|\S/g) ?? [];
  let index = 0;
  const peek = (): string | undefined => tokens[index];
  const take = (): string | undefined => tokens[index++];
  const binary =
    (next: () => number, operators: string[], apply: (op: string, a: number, b: number) => number) =>
    (): number => {
      let left = next();
      while (operators.includes(peek() ?? '')) {
        const op = take() as string;
        left = apply(op, left, next());
      }
      return left;
    };
  const primary = (): number => {
    const token = take();
    if (token === undefined) throw new ArithmeticError('syntax error: operand expected');
    if (token === '(') {
      const value = or();
      if (take() !== ')') throw new ArithmeticError("syntax error: missing ')'");
      return value;
    }
    if (token === '-') return -primary();
    if (token === '+') return primary();
    if (token === '!') return primary() === 0 ? 1 : 0;
    if (/^\d+$/.test(token)) return Number(token);
    if (/^[A-Za-z_]/.test(token)) {
      const value = variable(token);
      return value === undefined || value === '' ? 0 : Math.trunc(Number(value)) || 0;
    }
    throw new ArithmeticError(`syntax error: operand expected (error token is "${token}")`);
  };
  const power = (): number => {
    const base = primary();
    return peek() === '**' ? (take(), base ** power()) : base;
  };
  const product = binary(power, ['*', '/', '%'], (op, a, b) => {
    if ((op === '/' || op === '%') && b === 0)
      throw new ArithmeticError('division by 0 (error token is "0")');
    return op === '*' ? a * b : op === '/' ? Math.trunc(a / b) : a % b;
  });
  const sum = binary(product, ['+', '-'], (op, a, b) => (op === '+' ? a + b : a - b));
  const comparison = binary(sum, ['<', '>', '<=', '>='], (op, a, b) =>
    Number(op === '<' ? a < b : op === '>' ? a > b : op === '<=' ? a <= b : a >= b),
  );
  const equality = binary(comparison, ['==', '!='], (op, a, b) => Number(op === '==' ? a === b : a !== b));
  const and = binary(equality, ['&&'], (_, a, b) => Number(a !== 0 && b !== 0));
  const or = binary(and, ['||'], (_, a, b) => Number(a !== 0 || b !== 0));
  if (tokens.length === 0) return 0;
  const value = or();
  if (index < tokens.length)
    throw new ArithmeticError(
      `syntax error in expression (error token is "${tokens.slice(index).join(' ')}")`,
    );
  return value;
}
