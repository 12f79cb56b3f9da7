import {
  Alert,
  Badge,
  Button,
  Card,
  Code,
  Group,
  Image,
  List,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { CurrentPasswordInput } from '../../components/ui/password-fields.tsx';
import { MutationError, QueryError, SkeletonRows } from '../../components/ui/query-state.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { notifySettings } from './settings-notify.ts';

/** Turn TOTP on (QR code, confirming code, recovery codes shown once) or off (with the password). */
export function SettingsTwoFactorCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const status = useQuery(trpc.auth.twoFactor.status.queryOptions());
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const refresh = () => queryClient.invalidateQueries(trpc.auth.twoFactor.pathFilter());
  const begin = useMutation(trpc.auth.twoFactor.begin.mutationOptions());
  const confirm = useMutation(
    trpc.auth.twoFactor.confirm.mutationOptions({
      onSuccess: async (result) => {
        setRecoveryCodes(result.recoveryCodes);
        begin.reset();
        setCode('');
        await refresh();
      },
    }),
  );
  const disable = useMutation(
    trpc.auth.twoFactor.disable.mutationOptions({
      onSuccess: async () => {
        setPassword('');
        notifySettings('green', 'Two-factor sign-in is off.');
        await refresh();
      },
    }),
  );

  return (
    <Card withBorder>
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h4">
            Two-factor sign-in
          </Title>
          {status.data ? (
            <Badge color={status.data.isEnabled ? 'green' : 'gray'} variant="light">
              {status.data.isEnabled ? 'On' : 'Off'}
            </Badge>
          ) : null}
        </Group>
        {status.isPending ? <SkeletonRows rows={2} /> : null}
        {status.isError ? <QueryError error={status.error} onRetry={() => void status.refetch()} /> : null}

        {recoveryCodes ? (
          <Alert color="yellow" title="Save these recovery codes now" role="status">
            <Stack gap="xs">
              <Text size="sm">
                They are shown only this once. Each lets you sign in once if you lose your phone.
              </Text>
              <List spacing={2} data-testid="recovery-codes">
                {recoveryCodes.map((c) => (
                  <List.Item key={c}>
                    <Code>{c}</Code>
                  </List.Item>
                ))}
              </List>
              <Button size="xs" w="fit-content" onClick={() => setRecoveryCodes(null)}>
                I have saved them
              </Button>
            </Stack>
          </Alert>
        ) : null}

        {status.data && !status.data.isEnabled && !begin.data ? (
          <>
            <Text size="sm">
              Ask for a code from an authenticator app as well as the password at every sign-in.
            </Text>
            <MutationError error={begin.error} />
            <Button w="fit-content" loading={begin.isPending} onClick={() => begin.mutate()}>
              Turn on two-factor sign-in
            </Button>
          </>
        ) : null}

        {begin.data && !status.data?.isEnabled ? (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              confirm.mutate({ code });
            }}
          >
            <Stack>
              <Text size="sm">
                Scan this QR code with your authenticator app, then enter the code it shows.
              </Text>
              <Image src={begin.data.qrDataUrl} alt="QR code for your authenticator app" w={220} h={220} />
              <Text size="sm">
                Or enter this key by hand: <Code data-testid="totp-secret">{begin.data.secret}</Code>
              </Text>
              <MutationError error={confirm.error} />
              <TextInput
                label="Code from the app"
                autoComplete="one-time-code"
                inputMode="numeric"
                required
                value={code}
                onChange={(e) => setCode(e.currentTarget.value)}
                maw={220}
              />
              <Button type="submit" w="fit-content" loading={confirm.isPending}>
                Confirm and turn on
              </Button>
            </Stack>
          </form>
        ) : null}

        {status.data?.isEnabled ? (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              disable.mutate({ password });
            }}
          >
            <Stack>
              <Text size="sm">
                {status.data.recoveryCodesLeft} recovery codes left. To turn two-factor sign-in off, enter
                your password.
              </Text>
              <MutationError error={disable.error} />
              <CurrentPasswordInput
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                maw={320}
              />
              <Button type="submit" color="red" variant="light" w="fit-content" loading={disable.isPending}>
                Turn off two-factor sign-in
              </Button>
            </Stack>
          </form>
        ) : null}
      </Stack>
    </Card>
  );
}
