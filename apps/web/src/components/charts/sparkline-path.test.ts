import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sparklinePath } from './sparkline-path.ts';

const coords = (d: string) =>
  [...d.matchAll(/[ML]([\d.]+) ([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);

describe('sparklinePath', () => {
  it.each([
    ['no values', [], undefined, { complete: '', partial: null, area: '' }],
    ['one value', [5], undefined, { complete: 'M0 1', partial: null, area: 'M0 1 L0 40 L0 40 Z' }],
    ['all zero lies on the bottom', [0, 0], undefined, { complete: 'M0 39 L100 39', partial: null }],
    ['the peak touches the top', [0, 10], undefined, { complete: 'M0 39 L100 1', partial: null }],
    [
      'a partial last value is its own dashed segment',
      [10, 10, 0],
      2,
      { complete: 'M0 1 L50 1', partial: 'M50 1 L100 39' },
    ],
    ['partial from past the end means none', [1, 2], 5, { complete: 'M0 20 L100 1', partial: null }],
  ] as const)('%s', (_name, values, partialFrom, expected) => {
    expect(sparklinePath([...values], 100, 40, partialFrom)).toMatchObject(expected);
  });

  it('keeps every point inside the box and joins the two segments', () =>
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -5, max: 1_000_000 }), { minLength: 2, maxLength: 60 }),
        fc.nat(70),
        (values, partialFrom) => {
          const { complete, partial } = sparklinePath(values, 240, 40, partialFrom);
          const all = [...coords(complete), ...(partial ? coords(partial) : [])];
          for (const [x, y] of all) {
            expect(x).toBeGreaterThanOrEqual(0);
            expect(x).toBeLessThanOrEqual(240);
            expect(y).toBeGreaterThanOrEqual(1);
            expect(y).toBeLessThanOrEqual(39);
          }
          if (partial) expect(coords(partial)[0]).toEqual(coords(complete).at(-1));
          // Every value is drawn once, plus the shared joint when split.
          expect(all.length).toBe(values.length + (partial ? 1 : 0));
        },
      ),
    ));
});
