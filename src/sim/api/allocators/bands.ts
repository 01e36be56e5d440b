/**
 * How both service allocators choose a value (KEP-3070, KEP-3668): the bottom of the range is a
 * static band kept for values people choose, so a dynamic pick tries a random spot in the upper
 * band first, then the static band, probing onward from there.
 */
import type { SeededRandom } from '../../random.ts';

export interface BandRule {
  min: number;
  max: number;
  step: number;
}

/** calculateRangeOffset: min(max(min, size/step), max) values at the bottom, none for tiny ranges. */
export function staticBandSize(size: number, { min, max, step }: BandRule): number {
  if (size < min) return 0;
  return Math.min(Math.max(min, Math.floor(size / step)), max);
}

/** The offset (0-based, within a range of `size`) of a free value, or undefined when all are taken. */
export function pickFree(
  size: number,
  rule: BandRule,
  random: SeededRandom,
  isFree: (offset: number) => boolean,
): number | undefined {
  const band = staticBandSize(size, rule);
  for (const [from, to] of [
    [band, size],
    [0, band],
  ] as const) {
    const width = to - from;
    if (width <= 0) continue;
    const start = random.int(width);
    for (let i = 0; i < width; i++) {
      const offset = from + ((start + i) % width);
      if (isFree(offset)) return offset;
    }
  }
  return undefined;
}
