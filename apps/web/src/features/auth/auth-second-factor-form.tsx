import { Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useState } from 'react';
import { z } from 'zod';
import { MutationError } from '../../components/ui/query-state.tsx';
import { useTRPC } from '../../lib/trpc.ts';

const ZCodeForm = z.object({ code: z.string().trim().min(6, 'Enter the code.').max(20) });

/** The second sign-in step: a code from the authenticator app, or one of the recovery codes. */
export function AuthSecondFactorForm({
  pendingToken,
  onSignedIn,
  onRestart,
}: {
  pendingToken: string;
  onSignedIn: () => void;
  onRestart: () => void;
}) {
  const trpc = useTRPC();
  const [isRecovery, setIsRecovery] = useState(false);
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { code: '' },
    validate: zod4Resolver(ZCodeForm),
  });
  const verify = useMutation(trpc.auth.loginSecondFactor.mutationOptions({ onSuccess: onSignedIn }));

  return (
    <form onSubmit={form.onSubmit((values) => verify.mutate({ pendingToken, code: values.code }))} noValidate>
      <Stack>
        <Text size="sm">
          {isRecovery
            ? 'Enter one of the recovery codes you saved when you turned on two-factor sign-in. Each works once.'
            : 'Enter the 6-digit code from your authenticator app.'}
        </Text>
        <MutationError error={verify.error} />
        <TextInput
          label={isRecovery ? 'Recovery code' : 'Authentication code'}
          autoComplete="one-time-code"
          inputMode={isRecovery ? 'text' : 'numeric'}
          required
          autoFocus
          {...form.getInputProps('code')}
          key={form.key('code')}
        />
        <Button type="submit" loading={verify.isPending} fullWidth>
          Verify
        </Button>
        <Anchor component="button" type="button" size="sm" onClick={() => setIsRecovery((v) => !v)}>
          {isRecovery ? 'Use a code from the app instead' : 'Use a recovery code instead'}
        </Anchor>
        <Anchor component="button" type="button" size="sm" onClick={onRestart}>
          Start over
        </Anchor>
      </Stack>
    </form>
  );
}
