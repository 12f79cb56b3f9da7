import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accessLine, damagedLine } from './access-line-arbitrary.ts';
import { parseAccessLine, REFUSAL } from './parse-access-line.ts';

const REASONS = new Set<string>(Object.values(REFUSAL));

describe('parseAccessLine on generated lines', () => {
  it('reads every valid variant, with the generated visitor, time and status', async () => {
    await fc.assert(
      fc.property(accessLine, (generated) => {
        const line = parseAccessLine(generated.text);
        if (typeof line === 'string')
          throw new Error(`${generated.format} refused (${line}): ${generated.text}`);
        expect(line.ip).toBe(generated.visitor);
        expect(line.time).toBe(generated.time);
        expect(line.status).toBe(generated.status);
        expect(line.hasAgentField).toBe(
          !generated.format.startsWith('common') && generated.format !== 'vhost_common',
        );
      }),
      { numRuns: 3000 },
    );
  });

  it('either reads a damaged line or refuses it with one of the fixed reasons', async () => {
    await fc.assert(
      fc.property(damagedLine, (text) => {
        const line = parseAccessLine(text);
        if (typeof line === 'string') expect(REASONS.has(line)).toBe(true);
        else expect(line.ip.length).toBeGreaterThan(0);
      }),
      { numRuns: 3000 },
    );
  });
});
