// Pure parts of the data table: keyboard row movement, cursor-page history and sort mapping.
import type { SortingState } from '@tanstack/react-table';

export const ROW_NAVIGATION_KEYS = ['ArrowDown', 'ArrowUp', 'Home', 'End', 'PageDown', 'PageUp'] as const;

/** Where focus goes for a key press in a list of `count` rows; null when the key is not a move. */
export function nextRowIndex(current: number, key: string, count: number, pageStep = 10): number | null {
  if (count <= 0) return null;
  const last = count - 1;
  const from = Math.min(Math.max(current, 0), last);
  switch (key) {
    case 'ArrowDown':
      return current < 0 ? 0 : Math.min(from + 1, last);
    case 'ArrowUp':
      return current < 0 ? 0 : Math.max(from - 1, 0);
    case 'Home':
      return 0;
    case 'End':
      return last;
    case 'PageDown':
      return Math.min(from + pageStep, last);
    case 'PageUp':
      return Math.max(from - pageStep, 0);
    default:
      return null;
  }
}

/**
 * Cursor pagination remembers the cursors of the pages behind it, so "Previous" works without
 * offsets: `cursors[i]` is the cursor that loads page i (page 0 loads with no cursor).
 */
export type CursorPages<TCursor> = { cursors: (TCursor | null)[]; pageIndex: number };

export type CursorPagesAction<TCursor> =
  | { type: 'next'; nextCursor: TCursor }
  | { type: 'previous' }
  | { type: 'reset' };

export function initialCursorPages<TCursor>(): CursorPages<TCursor> {
  return { cursors: [null], pageIndex: 0 };
}

export function cursorPagesReducer<TCursor>(
  state: CursorPages<TCursor>,
  action: CursorPagesAction<TCursor>,
): CursorPages<TCursor> {
  switch (action.type) {
    case 'next': {
      const cursors = [...state.cursors.slice(0, state.pageIndex + 1), action.nextCursor];
      return { cursors, pageIndex: state.pageIndex + 1 };
    }
    case 'previous':
      return state.pageIndex === 0 ? state : { ...state, pageIndex: state.pageIndex - 1 };
    case 'reset':
      return initialCursorPages();
  }
}

export function currentCursor<TCursor>(state: CursorPages<TCursor>): TCursor | null {
  return state.cursors[state.pageIndex] ?? null;
}

/** TanStack's sorting state as the `{ sortBy, sortDir }` pair a server-side `find` input takes. */
export function toSortInput<TField extends string>(
  sorting: SortingState,
  allowed: readonly TField[],
): { sortBy: TField; sortDir: 'asc' | 'desc' } | null {
  const first = sorting[0];
  if (!first) return null;
  const field = allowed.find((name) => name === first.id);
  return field ? { sortBy: field, sortDir: first.desc ? 'desc' : 'asc' } : null;
}

/** The value for a header's `aria-sort`. */
export function ariaSort(direction: false | 'asc' | 'desc'): 'ascending' | 'descending' | 'none' {
  if (direction === 'asc') return 'ascending';
  if (direction === 'desc') return 'descending';
  return 'none';
}
