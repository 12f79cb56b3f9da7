import type { RouterOutputs } from '@keydesk/api';
import { Text, UnstyledButton } from '@mantine/core';
import { formatDate, formatMoney, formatPlural } from '../../lib/format.ts';
import { CustomerMatchText, MATCH_FIELD_LABEL, MATCH_KIND_LABEL } from './customer-match-text.tsx';
import './customer-search-results.css';

type Hit = RouterOutputs['customer']['find']['items'][number];
type Match = Hit['matches'][number];

export const customerOptionId = (id: number) => `customer-option-${id}`;

/** Why a customer is in the list, unless the row already shows the matched value marked. */
function whyMatched(hit: Hit, match: Match | undefined) {
  if (!match) return null;
  const label = `${MATCH_FIELD_LABEL[match.field]} ${MATCH_KIND_LABEL[match.kind]}`;
  const isShown = match.field === 'name' || (match.field === 'email' && match.text === hit.primaryEmail);
  return (
    <>
      {' · '}
      <Text span size="xs" c="dimmed" data-testid="customer-search-why">
        {label}
        {isShown ? null : ': '}
      </Text>
      {isShown ? null : <CustomerMatchText text={match.text} ranges={match.ranges} size="xs" />}
    </>
  );
}

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
    <div role="listbox" id={listId} aria-label="Customers found">
      {items.map((hit, index) => {
        const nameMatch = hit.matches.find((m) => m.field === 'name');
        const emailMatch = hit.matches.find((m) => m.field === 'email' && m.text === hit.primaryEmail);
        const licenses = formatPlural(hit.licenseCount, { one: 'license', other: 'licenses' });
        return (
          <UnstyledButton
            key={hit.id}
            id={customerOptionId(hit.id)}
            role="option"
            aria-selected={index === activeIndex}
            tabIndex={-1}
            onClick={() => onOpen(hit)}
            className="customer-hit"
            data-testid="customer-search-result"
          >
            <Text size="sm" className="customer-hit-line">
              <Text span size="sm" fw={600}>
                {nameMatch ? <CustomerMatchText text={hit.name} ranges={nameMatch.ranges} /> : hit.name}
              </Text>
              {hit.company ? (
                <Text span size="sm" c="dimmed">
                  {' '}
                  · {hit.company}
                </Text>
              ) : null}
              {hit.country ? (
                <Text span size="xs" c="dimmed" ml={6} aria-label={`country ${hit.country}`}>
                  {hit.country}
                </Text>
              ) : null}
            </Text>
            <Text size="sm" className="customer-hit-side">
              {hit.lastOrder ? formatMoney(hit.lastOrder.amountMinor, hit.lastOrder.currency) : ''}
            </Text>
            <Text size="xs" c="dimmed" className="customer-hit-line customer-hit-details">
              {emailMatch ? (
                <CustomerMatchText text={emailMatch.text} ranges={emailMatch.ranges} size="xs" />
              ) : (
                (hit.primaryEmail ?? 'No email')
              )}
              {' · '}
              {hit.products.length > 0 ? `${hit.products.join(', ')} · ${licenses}` : licenses}
              {whyMatched(hit, hit.matches[0])}
            </Text>
            <Text size="xs" c="dimmed" className="customer-hit-side">
              {hit.lastOrder ? `Last order ${formatDate(hit.lastOrder.purchasedAt)}` : 'No orders'}
            </Text>
          </UnstyledButton>
        );
      })}
    </div>
  );
}
