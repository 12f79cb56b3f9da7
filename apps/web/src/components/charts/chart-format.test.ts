import { afterEach, describe, expect, it } from 'vitest';
import { setFormatSettings } from '../../lib/format.ts';
import { formatBucket, formatBucketLong, formatDay } from './chart-format.ts';

describe('bucket labels', () => {
  afterEach(() => setFormatSettings({ locale: 'en-US', timeZone: null }));

  it('names a bucket by its calendar day, whatever the owner time zone', () => {
    setFormatSettings({ locale: 'en-GB', timeZone: 'Pacific/Kiritimati' });
    expect(formatDay('2026-11-06')).toBe('6 Nov 2026');
    expect(formatBucket('2026-11-06', 'day')).toBe('6 Nov');
    expect(formatBucketLong('2026-11-06', 'day')).toBe('6 Nov 2026');
    setFormatSettings({ timeZone: 'America/Los_Angeles' });
    expect(formatBucket('2026-11-01', 'day')).toBe('1 Nov');
  });

  it('names weeks by their Monday and months by month and year', () => {
    setFormatSettings({ locale: 'en-GB' });
    expect(formatBucket('2026-11-02', 'week')).toBe('2 Nov');
    expect(formatBucketLong('2026-11-02', 'week')).toBe('Week of 2 Nov 2026');
    expect(formatBucket('2026-11-01', 'month')).toBe('Nov 2026');
    expect(formatBucketLong('2026-11-01', 'month')).toBe('November 2026');
  });
});
