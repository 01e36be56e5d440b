/**
 * Resource quantities (apimachinery resource.Quantity): `100m`, `4`, `70Mi`, `8140172Ki`, `129e6`,
 * as the scheduler adds them up and describe sums and prints them; a sum keeps the format of its
 * first term; canonical form uses the largest suffix that leaves an integer.
 */
export type QuantityFormat = 'DecimalSI' | 'BinarySI';

export interface Quantity {
  /** In base units (cores, bytes); may be fractional (0.1 core). */
  value: number;
  format: QuantityFormat;
}

const BINARY: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};
const DECIMAL: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

export function parseQuantity(text: string | number | undefined): Quantity {
  if (text === undefined) return { value: 0, format: 'DecimalSI' };
  if (typeof text === 'number') return { value: text, format: 'DecimalSI' };
  const match = /^([+-]?\d*\.?\d+)([eE][+-]?\d+|[a-zA-Z]*)$/.exec(text.trim());
  if (!match) return { value: 0, format: 'DecimalSI' };
  const number = Number(match[1]);
  const suffix = match[2] ?? '';
  if (BINARY[suffix] !== undefined) return { value: number * (BINARY[suffix] as number), format: 'BinarySI' };
  if (DECIMAL[suffix] !== undefined)
    return { value: number * (DECIMAL[suffix] as number), format: 'DecimalSI' };
  const exponent = /^[eE]([+-]?\d+)$/.exec(suffix);
  if (exponent) return { value: number * 10 ** Number(exponent[1]), format: 'DecimalSI' };
  return { value: number, format: 'DecimalSI' };
}

export function addQuantities(a: Quantity | undefined, b: Quantity): Quantity {
  if (!a) return b;
  return { value: round(a.value + b.value), format: a.format };
}

function round(n: number): number {
  return Math.round(n * 1e9) / 1e9;
}

/** Quantity.String(). */
export function formatQuantity(q: Quantity | undefined): string {
  if (!q || q.value === 0) return '0';
  const value = q.value;
  if (q.format === 'BinarySI' && Number.isInteger(value) && Math.abs(value) >= 1024) {
    for (const suffix of ['Ei', 'Pi', 'Ti', 'Gi', 'Mi', 'Ki']) {
      const unit = BINARY[suffix] as number;
      if (value % unit === 0) return `${value / unit}${suffix}`;
    }
    return String(value);
  }
  if (q.format === 'BinarySI' && Number.isInteger(value)) return String(value);
  for (const suffix of ['E', 'P', 'T', 'G', 'M', 'k', '', 'm', 'u', 'n']) {
    const unit = DECIMAL[suffix] as number;
    const scaled = round(value / unit);
    if (scaled !== 0 && Number.isInteger(scaled)) return `${scaled}${suffix}`;
  }
  return `${Math.ceil(value * 1e9)}n`;
}
