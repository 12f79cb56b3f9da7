import { describe, expect, it } from 'vitest';
import { describeDatabaseError } from './database-errors.ts';

describe('describeDatabaseError', () => {
  it('names the remedy for storage failures', () => {
    expect(describeDatabaseError({ code: 'SQLITE_FULL' })).toMatch(/disk .* is full, so nothing was saved/);
    expect(describeDatabaseError({ code: 'SQLITE_BUSY_SNAPSHOT' })).toMatch(
      /another program holds a write lock/,
    );
    expect(describeDatabaseError({ code: 'SQLITE_IOERR_WRITE' })).toMatch(/input\/output error/);
  });
  it('leaves every other error alone', () => {
    expect(describeDatabaseError({ code: 'SQLITE_CONSTRAINT_UNIQUE' })).toBeNull();
    expect(describeDatabaseError(new Error('boom'))).toBeNull();
    expect(describeDatabaseError(null)).toBeNull();
  });
});
