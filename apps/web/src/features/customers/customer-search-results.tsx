import type { RouterOutputs } from '@keydesk/api';
import { Badge, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { CustomerMatchText, MATCH_FIELD_LABEL, MATCH_KIND_LABEL } from './customer-match-text.tsx';

type Hit = RouterOutputs['customer']['find']['items'][number];

export const customerOptionId = (id: number) => `customer-option-${id}`;

/** The result list of the customer search box (a listbox: the box keeps focus, arrows move here). */
export function CustomerSearchResults({
  items,
  activeIndex,
  onOpen,
  listId,
}: {
  items: Hit[];
  activeIndex: number;
  onOpen: (hit: Hit) => void;
  listId: string;
}) {
  return (
    <Stack gap={4} role="listbox" id={listId} aria-label="Customers found">
      {items.map((hit, index) => {
        const isActive = index === activeIndex;
        return (
          <UnstyledButton
            key={hit.id}
            id={customerOptionId(hit.id)}
            role="option"
            aria-selected={isActive}
            tabIndex={-1}
            onClick={() => onOpen(hit)}
            bg={isActive ? 'var(--mantine-color-default-hover)' : undefined}
            style={{ borderRadius: 'var(--mantine-radius-sm)' }}
            data-testid="customer-search-result"
            p="xs"
          >
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Text fw={600} truncate>
                  {hit.name}
                  {hit.company ? (
                    <Text span c="dimmed" size="sm">
                      {' '}
                      · {hit.company}
                    </Text>
                  ) : null}
                </Text>
                <Text size="sm" c="dimmed" truncate>
                  {hit.primaryEmail ?? 'No email'}
                  {hit.country ? ` · ${hit.country}` : ''}
                </Text>
                {hit.matches.map((match) => (
                  <Text size="xs" key={`${match.field}-${match.text}`} truncate>
                    <Text span size="xs" c="dimmed">
                      {MATCH_FIELD_LABEL[match.field]} {MATCH_KIND_LABEL[match.kind]}:{' '}
                    </Text>
                    <CustomerMatchText text={match.text} ranges={match.ranges} size="xs" />
                  </Text>
                ))}
              </Stack>
              {hit.matches[0]?.kind === 'exact' ? (
                <Badge variant="light" size="sm">
                  Exact
                </Badge>
              ) : null}
            </Group>
          </UnstyledButton>
        );
      })}
    </Stack>
  );
}
