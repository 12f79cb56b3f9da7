import { describe, expect, it } from 'vitest';
import { type Binding, createSequenceMatcher, SEQUENCE_TIMEOUT_MS } from './shortcuts.ts';

const bindings: Binding<string>[] = [
  { keys: 'g o', value: 'overview' },
  { keys: 'g c', value: 'customers' },
  { keys: '?', value: 'help' },
  { keys: '/', value: 'search' },
];

describe('createSequenceMatcher', () => {
  it('matches single keys and two-key sequences', () => {
    const match = createSequenceMatcher(() => bindings);
    expect(match('?', 0)).toBe('help');
    expect(match('g', 10)).toBeNull();
    expect(match('c', 20)).toBe('customers');
    expect(match('g', 30)).toBeNull();
    expect(match('o', 40)).toBe('overview');
  });

  it('forgets a started sequence after the timeout', () => {
    const match = createSequenceMatcher(() => bindings);
    expect(match('g', 0)).toBeNull();
    expect(match('c', SEQUENCE_TIMEOUT_MS + 1)).toBeNull();
  });

  it('starts over when the second key does not continue the sequence', () => {
    const match = createSequenceMatcher(() => bindings);
    expect(match('g', 0)).toBeNull();
    expect(match('x', 10)).toBeNull();
    expect(match('c', 20)).toBeNull();
    expect(match('g', 30)).toBeNull();
    expect(match('g', 40)).toBeNull();
    expect(match('c', 50)).toBe('customers');
    expect(match('g', 60)).toBeNull();
    expect(match('?', 70)).toBe('help');
  });

  it('sees bindings added later (page shortcuts come and go)', () => {
    const live = [...bindings];
    const match = createSequenceMatcher(() => live);
    expect(match('n', 0)).toBeNull();
    live.push({ keys: 'n', value: 'new' });
    expect(match('n', 10)).toBe('new');
  });
});
