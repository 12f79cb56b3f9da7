import { Alert, Button, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { z } from 'zod';
import {
  AccountEmailInput,
  NewPasswordInput,
  useNewPasswordForm,
  withRepeatedPassword,
  ZNewPassword,
} from '../components/ui/password-fields.tsx';
import { MutationError } from '../components/ui/query-state.tsx';
import { AuthCard } from '../features/auth/auth-card.tsx';
import { useTRPC } from '../lib/trpc.ts';

const ZSetupForm = withRepeatedPassword(
  z.object({
    email: z.email('Enter a valid email address.'),
    newPassword: ZNewPassword,
    confirm: z.string(),
  }),
);

export function SetupPage() {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const form = useNewPasswordForm(ZSetupForm, { email: '' });
  const setup = useMutation(
    trpc.auth.setup.mutationOptions({
      onSuccess: async (_result, variables) => {
        notifications.show({ color: 'green', message: 'Owner account created. Sign in to continue.' });
        // The sign-in form starts with the address just entered: only the password is left to type.
        await navigate('/login', { replace: true, state: { email: variables.email } });
      },
    }),
  );

  return (
    <AuthCard
      title="Create the owner account"
      subtitle="This account is the only one that can ever see Keydesk's data."
    >
      {token === '' ? (
        <Alert color="yellow">
          Open the setup address printed by the server; it carries a one-time token.
        </Alert>
      ) : (
        <form
          onSubmit={form.onSubmit(({ email, newPassword }) =>
            setup.mutate({ token, email, password: newPassword }),
          )}
          noValidate
        >
          <Stack>
            <MutationError error={setup.error} />
            <AccountEmailInput {...form.getInputProps('email')} key={form.key('email')} />
            <NewPasswordInput {...form.getInputProps('newPassword')} key={form.key('newPassword')} />
            <NewPasswordInput isRepeat {...form.getInputProps('confirm')} key={form.key('confirm')} />
            <Button type="submit" loading={setup.isPending} fullWidth>
              Create owner
            </Button>
          </Stack>
        </form>
      )}
    </AuthCard>
  );
}
