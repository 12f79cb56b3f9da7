import { Box, Card, Group, Kbd, Loader, Stack, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { type KeyboardEvent, useEffect, useId, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { NextPageButton } from '../components/ui/next-page-button.tsx';
import { PageHeader } from '../components/ui/page-header.tsx';
import { EmptyState, QueryError, SkeletonRows } from '../components/ui/query-state.tsx';
import { CustomerSearchResults, customerOptionId } from '../features/customers/customer-search-results.tsx';
import { useCustomerSearch } from '../features/customers/use-customer-search.ts';
import { formatPlural } from '../lib/format.ts';
import { useSearchShortcut } from '../lib/shortcuts.ts';

const CUSTOMERS = { one: 'customer', other: 'customers' };

export function CustomersPage() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [query, setQuery] = useState(params.get('q') ?? '');
  const [activeIndex, setActiveIndex] = useState(0);
  // "/" focuses the search box from anywhere on the page (the app-wide shortcut).
  const searchRef = useSearchShortcut();
  const listId = useId();
  const { search, items, isSearchable, debounced } = useCustomerSearch(query);

  // Keep the query in the address so Back returns to the same results.
  useEffect(() => {
    setActiveIndex(0);
    setParams(debounced ? { q: debounced } : {}, { replace: true });
  }, [debounced, setParams]);

  const open = (id: number) => void navigate(`/customers/${id}`);
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActiveIndex((i) => Math.min(items.length - 1, i + 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActiveIndex((i) => Math.max(0, i - 1));
    } else if (event.key === 'Enter') {
      const hit = items[activeIndex];
      if (hit) open(hit.id);
    }
  };
  const active = items[activeIndex];

  return (
    <Stack gap="md">
      <PageHeader
        title="Customers"
        description="Find a customer by any email, name, license key, order id, company or address."
      />
      <TextInput
        ref={searchRef}
        label="Search customers"
        placeholder="Email, name, key, order id…"
        value={query}
        onChange={(event) => setQuery(event.currentTarget.value)}
        onKeyDown={onKeyDown}
        leftSection={<IconSearch size={16} />}
        rightSection={search.isFetching ? <Loader size="xs" aria-label="Searching" /> : null}
        role="combobox"
        aria-expanded={items.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={active ? customerOptionId(active.id) : undefined}
        autoFocus
        data-testid="customer-search-input"
      />
      <Card padding="sm">
        {!isSearchable ? (
          <EmptyState title="Type at least two characters">
            Paste an email address, part of a name (typos are forgiven), a license key with or without dashes,
            or a reseller order id.
          </EmptyState>
        ) : search.error ? (
          <QueryError error={search.error} onRetry={() => void search.refetch()} />
        ) : search.isPending ? (
          <SkeletonRows rows={5} height={48} />
        ) : items.length === 0 ? (
          <EmptyState title="No customer matches">
            Check the spelling, try part of the email address, or look the key up on the License lookup page.
          </EmptyState>
        ) : (
          <Stack gap="xs">
            <Text size="xs" c="dimmed" role="status" data-testid="customer-search-count">
              {search.hasNextPage
                ? `${formatPlural(items.length, CUSTOMERS)} shown, more below`
                : `${formatPlural(items.length, CUSTOMERS)} found`}
              <Box component="span" visibleFrom="sm" aria-hidden="true">
                {' · '}
                <Kbd size="xs">↑</Kbd> <Kbd size="xs">↓</Kbd> to choose, <Kbd size="xs">Enter</Kbd> to open,{' '}
                <Kbd size="xs">/</Kbd> to search again
              </Box>
            </Text>
            <CustomerSearchResults
              items={items}
              activeIndex={activeIndex}
              onOpen={(hit) => open(hit.id)}
              listId={listId}
            />
            {search.hasNextPage ? (
              <Group justify="center" mt="xs">
                <NextPageButton query={search} variant="light" />
              </Group>
            ) : null}
          </Stack>
        )}
      </Card>
    </Stack>
  );
}
