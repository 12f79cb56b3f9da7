import '@mantine/spotlight/styles.css';
import { Group, Loader, Text } from '@mantine/core';
import { Spotlight } from '@mantine/spotlight';
import { IconKey, IconReceipt, IconSearch, IconUser } from '@tabler/icons-react';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { NAV_LINKS } from '../../components/layout/nav-links.ts';
import { CustomerMatchText } from '../customers/customer-match-text.tsx';
import { useCustomerSearch } from '../customers/use-customer-search.ts';
import {
  clearSelection,
  palette,
  paletteStore,
  selectFirstAction,
  triggerSelectedAction,
} from './palette-store.ts';

const PAGES = NAV_LINKS.map((link) => ({ to: link.to, label: link.label, icon: link.icon }));
const MAX_PALETTE_RESULTS = 8;

/** Cmd/Ctrl-K from any page: customers, licenses and orders through customer.find, plus pages. */
export function SearchCommandPalette({ isOpenOnMount = false }: { isOpenOnMount?: boolean }) {
  const navigate = useNavigate();
  // The palette's code loads on first use; the shortcut or click that loaded it should also open it.
  useEffect(() => {
    if (isOpenOnMount) palette.open();
  }, [isOpenOnMount]);
  const [query, setQuery] = useState('');
  const { search, items, isSearchable, debounced } = useCustomerSearch(query, MAX_PALETTE_RESULTS);
  const go = (to: string) => void navigate(to);
  const needle = query.trim().toLowerCase();
  const pages = PAGES.filter((page) => needle === '' || page.label.toLowerCase().includes(needle));
  const looksLikeKey = /^[\w\s-]{10,}$/.test(query.trim()) && /\d/.test(query);
  // Waiting is judged on what was typed, not on the debounced value: Enter pressed within the
  // debounce, before the search even started, must wait for its results too.
  const isTypedSearchable = [...query.trim()].length >= 2;
  const isWaiting = isTypedSearchable && (debounced !== query.trim() || search.isFetching);
  // Enter pressed while the results are still on their way opens the first of them when they come.
  const isEnterPending = useRef(false);

  // Spotlight selects the first action when the query changes, before customer results arrive
  // (they come after a debounce and a request); select the first again once they are drawn, so
  // Enter opens it without an arrow press first.
  const resultKey = `${items.map((hit) => hit.id).join(',')}|${pages.length}|${looksLikeKey}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: resultKey names the drawn results; the effect reads the DOM they produce
  useEffect(() => {
    selectFirstAction(paletteStore);
    if (isEnterPending.current && !isWaiting) {
      isEnterPending.current = false;
      triggerSelectedAction(paletteStore);
    }
  }, [resultKey, isWaiting]);
  const onSearchKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' || !isWaiting) return;
    isEnterPending.current = true;
    // Spotlight opens the selected action on this same Enter; with nothing selected it opens none,
    // so a page that matched the first letters does not win over the customer results on their way.
    clearSelection(paletteStore);
  };

  return (
    <Spotlight.Root
      store={paletteStore}
      query={query}
      onQueryChange={setQuery}
      shortcut={['mod + K']}
      scrollable
      maxHeight={480}
    >
      <Spotlight.Search
        placeholder="Search customers, keys, orders, pages…"
        aria-label="Search customers, keys, orders and pages"
        leftSection={<IconSearch size={18} />}
        rightSection={search.isFetching ? <Loader size="xs" /> : null}
        onKeyDown={onSearchKeyDown}
      />
      <Spotlight.ActionsList>
        {isSearchable && items.length > 0 ? (
          <Spotlight.ActionsGroup label="Customers">
            {items.flatMap((hit) => {
              const first = hit.matches[0];
              const actions = [
                <Spotlight.Action
                  key={`customer-${hit.id}`}
                  onClick={() => go(`/customers/${hit.id}`)}
                  leftSection={
                    first?.field === 'orderId' ? <IconReceipt size={18} /> : <IconUser size={18} />
                  }
                  data-testid="palette-customer"
                >
                  <Group wrap="nowrap" gap="xs" style={{ minWidth: 0, flex: 1 }}>
                    <div style={{ minWidth: 0 }}>
                      <Text size="sm" fw={600} truncate>
                        {hit.name}
                      </Text>
                      <Text size="xs" truncate>
                        {first ? (
                          <CustomerMatchText text={first.text} ranges={first.ranges} size="xs" />
                        ) : (
                          hit.primaryEmail
                        )}
                      </Text>
                    </div>
                  </Group>
                </Spotlight.Action>,
              ];
              const licenseMatch = hit.matches.find((m) => m.field === 'licenseKey' && m.licenseId !== null);
              if (licenseMatch?.licenseId) {
                actions.push(
                  <Spotlight.Action
                    key={`license-${licenseMatch.licenseId}`}
                    onClick={() => go(`/licenses/${licenseMatch.licenseId}`)}
                    leftSection={<IconKey size={18} />}
                  >
                    <PaletteText title={`License of ${hit.name}`} detail={licenseMatch.text} />
                  </Spotlight.Action>,
                );
              }
              return actions;
            })}
          </Spotlight.ActionsGroup>
        ) : null}
        {looksLikeKey ? (
          <Spotlight.Action
            onClick={() => go(`/licenses?key=${encodeURIComponent(query.trim())}`)}
            leftSection={<IconKey size={18} />}
          >
            <PaletteText title="Look up this license key" detail={query.trim()} />
          </Spotlight.Action>
        ) : null}
        {pages.length > 0 ? (
          <Spotlight.ActionsGroup label="Go to">
            {pages.map((page) => (
              <Spotlight.Action
                key={page.to}
                onClick={() => go(page.to)}
                leftSection={<page.icon size={18} />}
                label={page.label}
              />
            ))}
          </Spotlight.ActionsGroup>
        ) : null}
        {isSearchable && !search.isPending && items.length === 0 && pages.length === 0 ? (
          <Spotlight.Empty>No customer, key or page matches.</Spotlight.Empty>
        ) : null}
      </Spotlight.ActionsList>
    </Spotlight.Root>
  );
}

// Mantine's own action description is dimmed below WCAG AA contrast, so details are drawn here.
function PaletteText({ title, detail }: { title: string; detail: string }) {
  return (
    <div style={{ minWidth: 0 }}>
      <Text size="sm" truncate>
        {title}
      </Text>
      <Text size="xs" ff="monospace" truncate>
        {detail}
      </Text>
    </div>
  );
}
