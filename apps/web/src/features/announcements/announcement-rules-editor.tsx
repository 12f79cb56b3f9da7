import type { RouterInputs } from '@keydesk/api';
import { ActionIcon, Button, Group, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';

export type AnnouncementAudience = RouterInputs['announcements']['saveDraft']['draft']['audience'];
type Rule = AnnouncementAudience['include'][number];
type LicenseRule = Extract<Rule, { kind: 'license' }>;

const KINDS = [
  { value: 'license', label: 'License holders' },
  { value: 'newsletter', label: 'Newsletter subscribers' },
];

/** Empty fields mean "any": they are dropped rather than sent as empty strings. */
function withField<K extends keyof LicenseRule>(
  rule: LicenseRule,
  key: K,
  value: LicenseRule[K] | '',
): LicenseRule {
  const next = { ...rule };
  if (value === '' || value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

function RuleRow({
  rule,
  onChange,
  onRemove,
}: {
  rule: Rule;
  onChange: (rule: Rule) => void;
  onRemove: () => void;
}) {
  return (
    <Group align="flex-end" gap="xs" wrap="wrap">
      <Select
        label="Who"
        data={KINDS}
        value={rule.kind}
        allowDeselect={false}
        onChange={(kind) => onChange(kind === 'newsletter' ? { kind: 'newsletter' } : { kind: 'license' })}
        w={200}
      />
      {rule.kind === 'license' ? (
        <>
          <TextInput
            label="Product"
            placeholder="any"
            value={rule.product ?? ''}
            onChange={(e) => onChange(withField(rule, 'product', e.currentTarget.value))}
            w={130}
          />
          <TextInput
            label="Edition"
            placeholder="any"
            value={rule.edition ?? ''}
            onChange={(e) => onChange(withField(rule, 'edition', e.currentTarget.value))}
            w={110}
          />
          <NumberInput
            label="Major version"
            placeholder="any"
            min={0}
            value={rule.majorVersion ?? ''}
            onChange={(v) => onChange(withField(rule, 'majorVersion', typeof v === 'number' ? v : ''))}
            w={120}
          />
          <TextInput
            label="Bought from"
            type="date"
            value={rule.boughtFrom ?? ''}
            onChange={(e) => onChange(withField(rule, 'boughtFrom', e.currentTarget.value))}
            w={150}
          />
          <TextInput
            label="Bought before"
            type="date"
            value={rule.boughtBefore ?? ''}
            onChange={(e) => onChange(withField(rule, 'boughtBefore', e.currentTarget.value))}
            w={150}
          />
          <TextInput
            label="Country"
            placeholder="any"
            maxLength={2}
            value={rule.country ?? ''}
            onChange={(e) => onChange(withField(rule, 'country', e.currentTarget.value.toUpperCase()))}
            w={80}
          />
        </>
      ) : null}
      <ActionIcon variant="subtle" color="red" aria-label="Remove rule" onClick={onRemove} mb={4}>
        <IconTrash size={16} />
      </ActionIcon>
    </Group>
  );
}

function RuleList({
  title,
  rules,
  onChange,
}: {
  title: string;
  rules: Rule[];
  onChange: (rules: Rule[]) => void;
}) {
  return (
    <Stack gap="xs">
      <Text fw={600} size="sm">
        {title}
      </Text>
      {rules.length === 0 ? (
        <Text c="dimmed" size="sm">
          No rules.
        </Text>
      ) : null}
      {rules.map((rule, i) => (
        <RuleRow
          // Rules have no identity of their own; the position is what the owner edits.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          key={i}
          rule={rule}
          onChange={(next) => onChange(rules.map((r, j) => (j === i ? next : r)))}
          onRemove={() => onChange(rules.filter((_, j) => j !== i))}
        />
      ))}
      <Button
        variant="subtle"
        size="xs"
        leftSection={<IconPlus size={14} />}
        onClick={() => onChange([...rules, { kind: 'license' }])}
        w="fit-content"
      >
        Add a rule
      </Button>
    </Stack>
  );
}

/** Anyone matching any "include" rule and no "exclude" rule; within a rule, every field given must hold. */
export function AnnouncementRulesEditor({
  audience,
  onChange,
}: {
  audience: AnnouncementAudience;
  onChange: (audience: AnnouncementAudience) => void;
}) {
  return (
    <Stack gap="md">
      <RuleList
        title="Include people who match any of"
        rules={audience.include}
        onChange={(include) => onChange({ ...audience, include })}
      />
      <RuleList
        title="Except people who match any of"
        rules={audience.exclude ?? []}
        onChange={(exclude) => onChange({ ...audience, exclude })}
      />
    </Stack>
  );
}
