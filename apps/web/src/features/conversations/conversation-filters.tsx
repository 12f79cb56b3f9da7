import { Button, Checkbox, Collapse, Group, SegmentedControl, Select, Stack, TextInput } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconFilter, IconSearch } from '@tabler/icons-react';
import { useId } from 'react';

export type ConversationFilterValues = {
  search: string;
  kind: 'all' | 'chat' | 'email';
  linked: 'all' | 'linked' | 'unlinked';
  hasAttachments: boolean;
  onlyAwaitingReply: boolean;
  from: string; // yyyy-mm-dd or ''
  to: string;
};

export const DEFAULT_FILTERS: ConversationFilterValues = {
  search: '',
  kind: 'all',
  linked: 'all',
  hasAttachments: false,
  onlyAwaitingReply: false,
  from: '',
  to: '',
};

/** How many filters besides the search words narrow the list: shown on the phone's Filters button. */
function countActive(value: ConversationFilterValues): number {
  return [
    value.kind !== 'all',
    value.linked !== 'all',
    value.hasAttachments,
    value.onlyAwaitingReply,
    value.from !== '',
    value.to !== '',
  ].filter(Boolean).length;
}

/** The search words always; the other filters inline on a wide screen, behind "Filters" on a phone. */
export function ConversationFilters({
  value,
  onChange,
}: {
  value: ConversationFilterValues;
  onChange: (next: ConversationFilterValues) => void;
}) {
  const isPhone = useMediaQuery('(max-width: 48em)') ?? false;
  const [isOpen, { toggle }] = useDisclosure(false);
  const panelId = useId();
  const set = <K extends keyof ConversationFilterValues>(key: K, v: ConversationFilterValues[K]) =>
    onChange({ ...value, [key]: v });
  const active = countActive(value);
  const search = (
    <TextInput
      label="Search messages"
      placeholder="Words from any chat or email"
      leftSection={<IconSearch size={16} aria-hidden />}
      value={value.search}
      maxLength={200}
      onChange={(e) => set('search', e.currentTarget.value)}
      miw={isPhone ? 0 : 260}
      style={isPhone ? { flex: 1 } : undefined}
    />
  );
  const filters = (
    <>
      <div>
        <SegmentedControl
          aria-label="Kind"
          value={value.kind}
          onChange={(v) => set('kind', v as ConversationFilterValues['kind'])}
          data={[
            { value: 'all', label: 'All' },
            { value: 'chat', label: 'Chats' },
            { value: 'email', label: 'Email' },
          ]}
        />
      </div>
      <Select
        label="Customer"
        value={value.linked}
        allowDeselect={false}
        onChange={(v) => set('linked', (v ?? 'all') as ConversationFilterValues['linked'])}
        data={[
          { value: 'all', label: 'Linked and unlinked' },
          { value: 'linked', label: 'Linked to a customer' },
          { value: 'unlinked', label: 'Unlinked' },
        ]}
        w={isPhone ? undefined : 210}
      />
      <TextInput
        label="From"
        type="date"
        value={value.from}
        onChange={(e) => set('from', e.currentTarget.value)}
      />
      <TextInput label="To" type="date" value={value.to} onChange={(e) => set('to', e.currentTarget.value)} />
      <Checkbox
        label="Has attachments"
        checked={value.hasAttachments}
        onChange={(e) => set('hasAttachments', e.currentTarget.checked)}
        mb={8}
      />
      <Checkbox
        label="Waiting for your reply"
        checked={value.onlyAwaitingReply}
        onChange={(e) => set('onlyAwaitingReply', e.currentTarget.checked)}
        mb={8}
      />
    </>
  );
  if (!isPhone) {
    return (
      <Group align="flex-end" gap="sm" wrap="wrap">
        {search}
        {filters}
      </Group>
    );
  }
  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="xs" wrap="nowrap">
        {search}
        <Button
          variant="default"
          leftSection={<IconFilter size={16} aria-hidden />}
          onClick={toggle}
          aria-expanded={isOpen}
          aria-controls={panelId}
        >
          {active > 0 ? `Filters (${active})` : 'Filters'}
        </Button>
      </Group>
      <Collapse in={isOpen} id={panelId}>
        <Stack gap="xs">{filters}</Stack>
      </Collapse>
    </Stack>
  );
}
