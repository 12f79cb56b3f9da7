import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconMailOff } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useEffect } from 'react';
import { z } from 'zod';
import { QueryError, SkeletonRows } from '../../components/ui/query-state.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { SettingsTestEmail } from './settings-test-email.tsx';

const ZSmtpForm = z.object({
  smtpUrl: z
    .string()
    .trim()
    .max(500)
    .refine(
      (v) => v === '' || /^smtps?:\/\/[^/\s]+/i.test(v),
      'Use an address such as smtp://user:password@host:587.',
    ),
  from: z.string().trim().min(3, 'Enter the sender address.').max(254),
});

/** Whether the outbox can send, and the form that sets the SMTP server (stored encrypted) and sender. */
export function SettingsSmtpCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const status = useQuery(trpc.mail.status.queryOptions());
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { smtpUrl: '', from: '' },
    validate: zod4Resolver(ZSmtpForm),
  });
  const from = status.data?.from;
  // biome-ignore lint/correctness/useExhaustiveDependencies: fill the sender once the status arrives
  useEffect(() => {
    if (from && !form.isDirty('from')) form.setFieldValue('from', from);
  }, [from]);

  const save = useMutation(
    trpc.mail.updateSettings.mutationOptions({
      onSuccess: async (result) => {
        notifications.show({
          color: result.isConfigured ? 'teal' : 'yellow',
          message: result.isConfigured ? 'SMTP settings saved.' : 'Saved, but SMTP is not complete yet.',
        });
        form.setFieldValue('smtpUrl', '');
        await queryClient.invalidateQueries({ queryKey: trpc.mail.status.queryKey() });
      },
      onError: (error) => notifications.show({ color: 'red', title: 'Not saved', message: error.message }),
    }),
  );

  return (
    <Card>
      <Title order={2} size="h4" mb="sm">
        Sending email (SMTP)
      </Title>
      {status.error ? <QueryError error={status.error} onRetry={() => void status.refetch()} /> : null}
      {status.isLoading ? <SkeletonRows rows={2} /> : null}
      {status.data ? (
        <Stack gap="sm">
          {status.data.isConfigured ? (
            <Group gap="xs">
              <Badge color="teal" variant="light" leftSection={<IconCheck size={12} aria-hidden />}>
                Configured
              </Badge>
              <Text size="sm">
                {status.data.server} as {status.data.from}
                {status.data.source === 'environment' ? ' (from SMTP_URL in the environment)' : ''}
              </Text>
            </Group>
          ) : (
            <Alert color="yellow" icon={<IconMailOff size={18} aria-hidden />} title="SMTP is not configured">
              {status.data.problem ? `${status.data.problem} ` : ''}Key emails wait in the outbox until an
              SMTP server and a sender address are set here (or SMTP_URL and MAIL_FROM in the environment).
            </Alert>
          )}
          <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
            <Stack gap="sm">
              <PasswordInput
                label="SMTP server address"
                description={
                  status.data.source === 'settings'
                    ? 'Stored encrypted. Leave empty to keep the stored address.'
                    : 'smtp://user:password@host:587 (STARTTLS) or smtps://…:465. Stored encrypted.'
                }
                autoComplete="off"
                {...form.getInputProps('smtpUrl')}
                key={form.key('smtpUrl')}
              />
              <TextInput
                label="Sender address"
                description="Support <support@example.com>"
                required
                {...form.getInputProps('from')}
                key={form.key('from')}
              />
              <Group justify="flex-end">
                <Button type="submit" loading={save.isPending}>
                  Save SMTP settings
                </Button>
              </Group>
            </Stack>
          </form>
          <SettingsTestEmail isConfigured={status.data.isConfigured} />
        </Stack>
      ) : null}
    </Card>
  );
}
