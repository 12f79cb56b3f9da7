import { describe, expect, it } from 'vitest';
import {
  ariaSort,
  type CursorPages,
  currentCursor,
  cursorPagesReducer,
  initialCursorPages,
  nextRowIndex,
  toSortInput,
} from './data-table-helpers.ts';

describe('nextRowIndex', () => {
  it.each([
    [-1, 'ArrowDown', 5, 0],
    [-1, 'ArrowUp', 5, 0],
    [0, 'ArrowDown', 5, 1],
    [4, 'ArrowDown', 5, 4],
    [0, 'ArrowUp', 5, 0],
    [3, 'ArrowUp', 5, 2],
    [3, 'Home', 5, 0],
    [1, 'End', 5, 4],
    [2, 'PageDown', 30, 12],
    [25, 'PageDown', 30, 29],
    [5, 'PageUp', 30, 0],
    [9, 'ArrowDown', 3, 2],
  ])('from row %i, %s in %i rows goes to %i', (current, key, count, expected) => {
    expect(nextRowIndex(current, key, count)).toBe(expected);
  });

  it('ignores other keys and empty tables', () => {
    expect(nextRowIndex(0, 'Enter', 5)).toBeNull();
    expect(nextRowIndex(0, 'a', 5)).toBeNull();
    expect(nextRowIndex(0, 'ArrowDown', 0)).toBeNull();
  });
});

describe('cursorPagesReducer', () => {
  it('walks forward and back through cursor pages', () => {
    let state: CursorPages<string> = initialCursorPages();
    expect(currentCursor(state)).toBeNull();
    state = cursorPagesReducer(state, { type: 'next', nextCursor: 'c2' });
    state = cursorPagesReducer(state, { type: 'next', nextCursor: 'c3' });
    expect(state.pageIndex).toBe(2);
    expect(currentCursor(state)).toBe('c3');
    state = cursorPagesReducer(state, { type: 'previous' });
    expect(currentCursor(state)).toBe('c2');
    state = cursorPagesReducer(state, { type: 'previous' });
    expect(currentCursor(state)).toBeNull();
    expect(cursorPagesReducer(state, { type: 'previous' })).toBe(state);
  });

  it('forgets the pages ahead when a different next cursor comes back', () => {
    let state: CursorPages<number> = initialCursorPages();
    state = cursorPagesReducer(state, { type: 'next', nextCursor: 10 });
    state = cursorPagesReducer(state, { type: 'next', nextCursor: 20 });
    state = cursorPagesReducer(state, { type: 'previous' });
    state = cursorPagesReducer(state, { type: 'next', nextCursor: 15 });
    expect(state).toEqual({ cursors: [null, 10, 15], pageIndex: 2 });
  });

  it('starts again from the first page on reset (a new search or sort)', () => {
    const state = cursorPagesReducer(initialCursorPages<string>(), { type: 'next', nextCursor: 'x' });
    expect(cursorPagesReducer(state, { type: 'reset' })).toEqual({ cursors: [null], pageIndex: 0 });
  });
});

describe('toSortInput', () => {
  const allowed = ['name', 'createdAt'] as const;
  it('maps the first sorted column to the server input', () => {
    expect(toSortInput([{ id: 'createdAt', desc: true }], allowed)).toEqual({
      sortBy: 'createdAt',
      sortDir: 'desc',
    });
    expect(toSortInput([{ id: 'name', desc: false }], allowed)).toEqual({ sortBy: 'name', sortDir: 'asc' });
  });
  it('refuses columns the server cannot sort and empty sorting', () => {
    expect(toSortInput([{ id: 'email', desc: false }], allowed)).toBeNull();
    expect(toSortInput([], allowed)).toBeNull();
  });
});

describe('ariaSort', () => {
  it('names the direction for assistive technology', () => {
    expect(ariaSort('asc')).toBe('ascending');
    expect(ariaSort('desc')).toBe('descending');
    expect(ariaSort(false)).toBe('none');
  });
});
