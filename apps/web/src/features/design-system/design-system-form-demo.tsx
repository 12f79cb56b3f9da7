import {
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useState } from 'react';
import { z } from 'zod';
import { ConfirmDialog } from '../../components/ui/confirm-dialog.tsx';
import { type DateRange, resolveDateRangePreset } from '../../components/ui/date-range.ts';
import { DateRangePicker } from '../../components/ui/date-range-picker.tsx';
import { formatDate, toZonedDay } from '../../lib/format.ts';
import { notifySuccess } from '../../lib/notify.ts';

// The pattern every form follows: a Z-schema, useForm with zod4Resolver, Mantine inputs spread from
// getInputProps, a ConfirmDialog before anything that cannot be undone, a toast for the result.
const ZNoteForm = z.object({
  email: z.email('Enter a valid email address.'),
  seats: z.number().int().min(1, 'At least one seat.').max(500, 'At most 500 seats.'),
  reseller: z.enum(['paypro', 'avangate'], 'Choose a reseller.'),
  notify: z.boolean(),
});
type TNoteForm = z.infer<typeof ZNoteForm>;

export function DesignSystemFormDemo() {
  const [pending, setPending] = useState<TNoteForm | null>(null);
  const [range, setRange] = useState<DateRange>(() => resolveDateRangePreset('30d', toZonedDay(Date.now())));
  const form = useForm<TNoteForm>({
    mode: 'uncontrolled',
    initialValues: { email: '', seats: 1, reseller: 'paypro', notify: true },
    validate: zod4Resolver(ZNoteForm),
  });

  return (
    <Card>
      <Stack gap="md">
        <Title order={2} size="h4">
          DateRangePicker
        </Title>
        <DateRangePicker value={range} onChange={setRange} />
        <Text size="sm" c="dimmed" data-testid="range-summary">
          {range.from && range.to ? `${formatDate(range.from)} – ${formatDate(range.to)}` : 'All time'}
        </Text>
        <Title order={2} size="h4" mt="md">
          Form with validation and a confirmation
        </Title>
        <form onSubmit={form.onSubmit(setPending)} noValidate>
          <Stack gap="sm" maw={420}>
            <TextInput
              label="Customer email"
              required
              {...form.getInputProps('email')}
              key={form.key('email')}
            />
            <NumberInput
              label="Seats"
              min={1}
              max={500}
              {...form.getInputProps('seats')}
              key={form.key('seats')}
            />
            <Select
              label="Reseller"
              data={[
                { value: 'paypro', label: 'PayPro Global' },
                { value: 'avangate', label: 'Avangate' },
              ]}
              allowDeselect={false}
              {...form.getInputProps('reseller')}
              key={form.key('reseller')}
            />
            <Checkbox
              label="Email the customer"
              {...form.getInputProps('notify', { type: 'checkbox' })}
              key={form.key('notify')}
            />
            <Group>
              <Button type="submit">Issue license</Button>
            </Group>
          </Stack>
        </form>
      </Stack>
      <ConfirmDialog
        opened={pending !== null}
        onClose={() => setPending(null)}
        title="Issue a license?"
        confirmLabel="Issue license"
        onConfirm={() => {
          notifySuccess(
            `A ${pending?.seats}-seat license would be issued to ${pending?.email}.`,
            'License issued',
          );
          setPending(null);
          form.reset();
        }}
      >
        <Text size="sm">
          {pending?.email} gets a {pending?.seats}-seat license
          {pending?.notify ? ' and an email with the key' : ''}. This is a demonstration: nothing is saved.
        </Text>
      </ConfirmDialog>
    </Card>
  );
}
