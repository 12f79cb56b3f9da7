import { Button, Group } from '@mantine/core';
import { useReducer } from 'react';
import {
  type CursorPages,
  type CursorPagesAction,
  currentCursor,
  cursorPagesReducer,
  initialCursorPages,
} from './data-table-helpers.ts';

/** Cursor-page state for a server list; reset it when the query changes. */
export function useCursorPages<TCursor>(): [
  CursorPages<TCursor> & { cursor: TCursor | null },
  (action: CursorPagesAction<TCursor>) => void,
] {
  const [state, dispatch] = useReducer(cursorPagesReducer<TCursor>, undefined, initialCursorPages<TCursor>);
  return [{ ...state, cursor: currentCursor(state) }, dispatch];
}

/**
 * Previous and Next under a plain list paged by server cursors (`useCursorPages`). `nextCursor` is
 * the one the current page returned; undefined while it loads, so Next waits for it.
 */
export function CursorPager<TCursor>({
  pages,
  dispatch,
  nextCursor,
}: {
  pages: CursorPages<TCursor>;
  dispatch: (action: CursorPagesAction<TCursor>) => void;
  nextCursor: TCursor | null | undefined;
}) {
  return (
    <Group gap="xs">
      <Button
        size="xs"
        variant="default"
        disabled={pages.pageIndex === 0}
        onClick={() => dispatch({ type: 'previous' })}
      >
        Previous
      </Button>
      <Button
        size="xs"
        variant="default"
        disabled={nextCursor == null}
        onClick={() => nextCursor != null && dispatch({ type: 'next', nextCursor })}
      >
        Next
      </Button>
    </Group>
  );
}
