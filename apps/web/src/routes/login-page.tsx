import { Alert, Button, Stack } from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { AccountEmailInput, CurrentPasswordInput } from '../components/ui/password-fields.tsx';
import { MutationError } from '../components/ui/query-state.tsx';
import { AuthCard } from '../features/auth/auth-card.tsx';
import { useTRPC } from '../lib/trpc.ts';

// Only owners with 2FA reach the second step; its form (and zod) load then, not with the page.
const AuthSecondFactorForm = lazy(() =>
  import('../features/auth/auth-second-factor-form.tsx').then((m) => ({ default: m.AuthSecondFactorForm })),
);

// Mantine's own validators rather than zod: two "not empty" rules do not justify zod's weight on the
// one page every session starts from. The server validates the input with zod anyway.
const LOGIN_VALIDATE = {
  email: isNotEmpty('Enter your email address.'),
  password: isNotEmpty('Enter your password.'),
};

/** Only same-site paths are followed after sign-in, never another origin. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const status = useQuery(trpc.auth.status.queryOptions());
  // Set by the setup page: the owner just typed this address.
  const state: unknown = useLocation().state;
  const rememberedEmail =
    state && typeof state === 'object' && 'email' in state && typeof state.email === 'string'
      ? state.email
      : '';
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { email: rememberedEmail, password: '' },
    validate: LOGIN_VALIDATE,
  });
  const [pendingToken, setPendingToken] = useState<string | null>(null);
  const finishSignIn = async () => {
    await queryClient.invalidateQueries();
    await navigate(safeNext(params.get('next')), { replace: true });
  };
  const login = useMutation(
    trpc.auth.login.mutationOptions({
      onSuccess: async (result) => {
        if (result.status === 'second_factor') setPendingToken(result.pendingToken);
        else await finishSignIn();
      },
    }),
  );

  if (status.data?.isSignedIn) return <Navigate to={safeNext(params.get('next'))} replace />;
  if (status.data?.needsSetup) {
    return (
      <AuthCard title="Keydesk is not set up yet">
        <Alert color="blue">
          Open the setup address that the server printed when it started to create the owner account.
        </Alert>
      </AuthCard>
    );
  }

  if (pendingToken) {
    return (
      <AuthCard title="Two-factor sign-in" subtitle="Your password was right; one more step.">
        <Suspense fallback={null}>
          <AuthSecondFactorForm
            pendingToken={pendingToken}
            onSignedIn={() => void finishSignIn()}
            onRestart={() => {
              login.reset();
              setPendingToken(null);
            }}
          />
        </Suspense>
      </AuthCard>
    );
  }

  return (
    <AuthCard title="Sign in to Keydesk" subtitle="Only the owner has access.">
      <form
        onSubmit={form.onSubmit((values) => login.mutate({ ...values, email: values.email.trim() }))}
        noValidate
      >
        <Stack>
          <MutationError error={login.error} />
          <AccountEmailInput
            autoFocus={rememberedEmail === ''}
            {...form.getInputProps('email')}
            key={form.key('email')}
          />
          <CurrentPasswordInput
            autoFocus={rememberedEmail !== ''}
            {...form.getInputProps('password')}
            key={form.key('password')}
          />
          <Button type="submit" loading={login.isPending} fullWidth>
            Sign in
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
