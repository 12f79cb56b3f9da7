import { Button, Card, Stack, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  CurrentPasswordInput,
  NewPasswordInput,
  useNewPasswordForm,
  withRepeatedPassword,
  ZNewPassword,
} from '../../components/ui/password-fields.tsx';
import { MutationError } from '../../components/ui/query-state.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { notifySettings } from './settings-notify.ts';

const ZPasswordForm = withRepeatedPassword(
  z.object({
    currentPassword: z.string().min(1, 'Enter your current password.'),
    newPassword: ZNewPassword,
    confirm: z.string(),
  }),
);

export function SettingsPasswordForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useNewPasswordForm(ZPasswordForm, { currentPassword: '' });
  const change = useMutation(
    trpc.auth.changePassword.mutationOptions({
      onSuccess: async () => {
        form.reset();
        notifySettings('green', 'Password changed. Every other session has ended.');
        await queryClient.invalidateQueries(trpc.auth.sessions.pathFilter());
      },
    }),
  );
  return (
    <Card withBorder>
      <form
        onSubmit={form.onSubmit(({ currentPassword, newPassword }) =>
          change.mutate({ currentPassword, newPassword }),
        )}
        noValidate
      >
        <Stack>
          <Title order={2} size="h4">
            Password
          </Title>
          <MutationError error={change.error} />
          <CurrentPasswordInput
            label="Current password"
            {...form.getInputProps('currentPassword')}
            key={form.key('currentPassword')}
          />
          <NewPasswordInput
            label="New password"
            {...form.getInputProps('newPassword')}
            key={form.key('newPassword')}
          />
          <NewPasswordInput
            isRepeat
            label="Repeat the new password"
            {...form.getInputProps('confirm')}
            key={form.key('confirm')}
          />
          <Button type="submit" loading={change.isPending} w="fit-content">
            Change password
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
