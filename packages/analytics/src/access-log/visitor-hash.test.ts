import { describe, expect, it } from 'vitest';
import { newVisitorKey, visitorHash } from './visitor-hash.ts';

const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0.0.0 Safari/537.36';

describe('visitorHash', () => {
  it('is stable under one key and differs under another', () => {
    const key = newVisitorKey();
    expect(visitorHash(key, '203.0.113.7', CHROME)).toBe(visitorHash(key, '203.0.113.7', CHROME));
    expect(visitorHash(newVisitorKey(), '203.0.113.7', CHROME)).not.toBe(
      visitorHash(key, '203.0.113.7', CHROME),
    );
  });

  it('keeps the field boundary', () => {
    const key = { a: 1, b: 2 };
    expect(visitorHash(key, '1.2.3.4', '5x')).not.toBe(visitorHash(key, '1.2.3.45', 'x'));
  });

  it('tells 100,000 visitors apart without a collision, below 2^53', () => {
    const key = newVisitorKey();
    const seen = new Set<number>();
    let unsafe = 0;
    for (let i = 0; i < 50_000; i++) {
      const ip = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
      for (const agent of [CHROME, `${CHROME} Edg/131`]) {
        const h = visitorHash(key, ip, agent);
        if (!(Number.isSafeInteger(h) && h >= 0)) unsafe++;
        seen.add(h);
      }
    }
    expect(unsafe).toBe(0);
    expect(seen.size).toBe(100_000);
  });
});
