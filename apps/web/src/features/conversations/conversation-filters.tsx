import { Checkbox, Group, SegmentedControl, Select, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';

export type ConversationFilterValues = {
  search: string;
  kind: 'all' | 'chat' | 'email';
  linked: 'all' | 'linked' | 'unlinked';
  hasAttachments: boolean;
  from: string; // yyyy-mm-dd or ''
  to: string;
};

export const DEFAULT_FILTERS: ConversationFilterValues = {
  search: '',
  kind: 'all',
  linked: 'all',
  hasAttachments: false,
  from: '',
  to: '',
};

export function ConversationFilters({
  value,
  onChange,
}: {
  value: ConversationFilterValues;
  onChange: (next: ConversationFilterValues) => void;
}) {
  const set = <K extends keyof ConversationFilterValues>(key: K, v: ConversationFilterValues[K]) =>
    onChange({ ...value, [key]: v });
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <TextInput
        label="Search messages"
        placeholder="Words from any chat or email"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={value.search}
        maxLength={200}
        onChange={(e) => set('search', e.currentTarget.value)}
        miw={260}
      />
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
        w={210}
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
    </Group>
  );
}
