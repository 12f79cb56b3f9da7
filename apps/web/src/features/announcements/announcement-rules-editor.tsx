import type { RouterInputs } from '@keydesk/api';
import type { TextInputProps } from '@mantine/core';
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

// The license rule's text fields; an empty one means "any". Country codes are kept in capitals.
const TEXT_FIELDS = {
  product: { label: 'Product', placeholder: 'any', w: 130 },
  edition: { label: 'Edition', placeholder: 'any', w: 110 },
  boughtFrom: { label: 'Bought from', type: 'date', w: 150 },
  boughtBefore: { label: 'Bought before', type: 'date', w: 150 },
  country: { label: 'Country', placeholder: 'any', maxLength: 2, w: 80, toValue: (t) => t.toUpperCase() },
} satisfies Record<string, TextInputProps & { toValue?: (text: string) => string }>;

function RuleTextInput({
  rule,
  field,
  onChange,
}: {
  rule: LicenseRule;
  field: keyof typeof TEXT_FIELDS;
  onChange: (rule: Rule) => void;
}) {
  const { toValue, ...inputProps }: TextInputProps & { toValue?: (text: string) => string } =
    TEXT_FIELDS[field];
  return (
    <TextInput
      {...inputProps}
      value={rule[field] ?? ''}
      onChange={(e) => {
        const text = e.currentTarget.value;
        onChange(withField(rule, field, toValue ? toValue(text) : text));
      }}
    />
  );
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
          <RuleTextInput rule={rule} field="product" onChange={onChange} />
          <RuleTextInput rule={rule} field="edition" onChange={onChange} />
          <NumberInput
            label="Major version"
            placeholder="any"
            min={0}
            value={rule.majorVersion ?? ''}
            onChange={(v) => onChange(withField(rule, 'majorVersion', typeof v === 'number' ? v : ''))}
            w={120}
          />
          <RuleTextInput rule={rule} field="boughtFrom" onChange={onChange} />
          <RuleTextInput rule={rule} field="boughtBefore" onChange={onChange} />
          <RuleTextInput rule={rule} field="country" onChange={onChange} />
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
