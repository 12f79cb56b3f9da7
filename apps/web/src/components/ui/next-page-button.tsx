import { Button, type ButtonProps } from '@mantine/core';

/** A list read page by page (`useInfiniteQuery`), as far as its next-page button needs it. */
type NextPageQuery = { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };

/** Loads a paged list's next page ("Show more" unless it says otherwise); gone after the last page. */
export function NextPageButton({
  query,
  children = 'Show more',
  ...props
}: ButtonProps & { query: NextPageQuery }) {
  if (!query.hasNextPage) return null;
  return (
    <Button {...props} loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
      {children}
    </Button>
  );
}
