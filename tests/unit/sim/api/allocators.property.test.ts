import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { NodePortAllocator } from '../../../../src/sim/api/allocators/node-port.ts';
import { ClusterIPAllocator, ipToNumber } from '../../../../src/sim/api/allocators/cluster-ip.ts';
import { SeededRandom } from '../../../../src/sim/random.ts';
import { AllocationError } from '../../../../src/sim/api/allocators/errors.ts';

type Step = { op: 'next' } | { op: 'take'; port: number } | { op: 'release'; index: number };

const steps = fc.array(
  fc.oneof(
    fc.constant<Step>({ op: 'next' }),
    fc.integer({ min: 29990, max: 32780 }).map((port): Step => ({ op: 'take', port })),
    fc.nat(200).map((index): Step => ({ op: 'release', index })),
  ),
  { maxLength: 300 },
);

describe('NodePort allocator', () => {
  it('never hands out a port twice or outside 30000-32767, and reuses released ports', () => {
    fc.assert(
      fc.property(fc.integer(), steps, (seed, ops) => {
        const allocator = new NodePortAllocator(new SeededRandom(seed));
        const held = new Set<number>();
        for (const step of ops) {
          if (step.op === 'release') {
            const port = [...held][step.index % Math.max(1, held.size)];
            if (port === undefined) continue;
            allocator.release(port);
            held.delete(port);
            continue;
          }
          try {
            const port =
              step.op === 'next' ? allocator.allocateNext() : (allocator.allocate(step.port), step.port);
            expect(port).toBeGreaterThanOrEqual(30000);
            expect(port).toBeLessThanOrEqual(32767);
            expect(held.has(port)).toBe(false);
            held.add(port);
          } catch (error) {
            expect(error).toBeInstanceOf(AllocationError);
            if (step.op === 'take')
              expect(held.has(step.port) || step.port < 30000 || step.port > 32767).toBe(true);
          }
        }
        expect(allocator.used).toBe(held.size);
        const restored = new NodePortAllocator(new SeededRandom(seed));
        restored.restore(allocator.snapshot());
        for (const port of held) expect(restored.has(port)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('fills the whole range without repeating, then reports it full', () => {
    const allocator = new NodePortAllocator(new SeededRandom(1));
    const seen = new Set<number>();
    for (let i = 0; i < 2768; i++) seen.add(allocator.allocateNext());
    expect(seen.size).toBe(2768);
    expect(() => allocator.allocateNext()).toThrow('range is full');
  });

  it('prefers the upper band for dynamic ports, leaving 30000-30085 (2768/32 ports) for chosen ones', () => {
    const allocator = new NodePortAllocator(new SeededRandom(5));
    for (let i = 0; i < 500; i++) expect(allocator.allocateNext()).toBeGreaterThanOrEqual(30086);
  });
});

describe('ClusterIP allocator', () => {
  it('never hands out an IP twice or outside 10.96.0.0/12, and releases on demand', () => {
    fc.assert(
      fc.property(fc.integer(), fc.array(fc.boolean(), { maxLength: 400 }), (seed, takes) => {
        const allocator = new ClusterIPAllocator(new SeededRandom(seed));
        const held: string[] = [];
        for (const take of takes) {
          if (take || held.length === 0) {
            const ip = allocator.allocateNext();
            expect(held).not.toContain(ip);
            const n = ipToNumber(ip);
            expect(n).toBeGreaterThan(ipToNumber('10.96.0.0'));
            expect(n).toBeLessThan(ipToNumber('10.111.255.255'));
            held.push(ip);
          } else {
            const ip = held.pop() as string;
            allocator.release(ip);
            expect(allocator.has(ip)).toBe(false);
          }
        }
        expect(allocator.used).toBe(held.length);
      }),
      { numRuns: 100 },
    );
  });

  it('refuses an address outside the range or already taken', () => {
    const allocator = new ClusterIPAllocator(new SeededRandom(1));
    allocator.allocate('10.96.0.10');
    expect(() => allocator.allocate('10.96.0.10')).toThrow('provided IP is already allocated');
    expect(() => allocator.allocate('192.168.1.1')).toThrow(
      'the provided IP (192.168.1.1) is not in the valid range. The range of valid IPs is 10.96.0.0/12',
    );
  });
});
