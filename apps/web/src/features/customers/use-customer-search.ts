import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTRPC } from '../../lib/trpc.ts';

/**
 * Search results that follow typing: a short debounce, the previous results stay on screen
 * until the new ones arrive, and pages are joined without repeating a customer.
 */
export function useCustomerSearch(query: string, limit = 25) {
  const trpc = useTRPC();
  const [debounced] = useDebouncedValue(query.trim(), 120);
  const isSearchable = [...debounced].length >= 2;
  const search = useInfiniteQuery(
    trpc.customer.find.infiniteQueryOptions(
      { query: debounced, limit },
      {
        enabled: isSearchable,
        getNextPageParam: (last) => last.nextCursor,
        placeholderData: keepPreviousData,
        staleTime: 30_000,
      },
    ),
  );
  const items = useMemo(() => {
    const seen = new Set<number>();
    return (search.data?.pages ?? [])
      .flatMap((page) => page.items)
      .filter((item) => {
        if (seen.has(item.id)) return false;
        seen.add(item.id);
        return true;
      });
  }, [search.data]);
  return { search, items, isSearchable, debounced };
}
