import { describe, expect, it } from 'vitest';
import { formatQuantity, parseQuantity } from '../../../../src/sim/api/quantity.ts';

describe('resource quantities, shared by the scheduler and describe', () => {
  it('read every form a manifest uses, in base units with their format', () => {
    expect(parseQuantity('100m')).toEqual({ value: 0.1, format: 'DecimalSI' });
    expect(parseQuantity('64Mi')).toEqual({ value: 64 * 2 ** 20, format: 'BinarySI' });
    expect(parseQuantity('129e6').value).toBe(129e6);
    expect(parseQuantity('1e-3').value).toBeCloseTo(0.001);
    expect(parseQuantity(2).value).toBe(2);
    expect(parseQuantity('not a quantity').value).toBe(0);
  });

  it('print as Quantity.String() does', () => {
    expect(formatQuantity(parseQuantity('8140172Ki'))).toBe('8140172Ki');
    expect(formatQuantity(parseQuantity('1024Mi'))).toBe('1Gi');
    expect(formatQuantity(parseQuantity('0.5'))).toBe('500m');
  });
});
