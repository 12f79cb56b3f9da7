import type { RouterOutputs } from '@keydesk/api';
import { Badge, Button, Card, Group, PasswordInput, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { QueryError, SkeletonRows } from '../../components/ui/query-state.tsx';
import { TableContainer } from '../../components/ui/table-container.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { notifySettings } from './settings-notify.ts';

type CredentialKey = RouterOutputs['secrets']['find'][number]['key'];

/** Credentials are stored encrypted; this page shows only whether each is set, never a secret's value. */
export function SettingsCredentialsTab() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const credentials = useQuery(trpc.secrets.find.queryOptions());
  const [editing, setEditing] = useState<CredentialKey | null>(null);
  const [value, setValue] = useState('');
  const done = async (message: string) => {
    setEditing(null);
    setValue('');
    notifySettings('green', message);
    await queryClient.invalidateQueries(trpc.secrets.pathFilter());
  };
  const onError = (error: { message: string }) => notifySettings('red', error.message);
  const save = useMutation(trpc.secrets.set.mutationOptions({ onSuccess: () => done('Saved.'), onError }));
  const clear = useMutation(
    trpc.secrets.clear.mutationOptions({ onSuccess: () => done('Cleared.'), onError }),
  );

  if (credentials.isPending) return <SkeletonRows rows={7} />;
  if (credentials.isError)
    return <QueryError error={credentials.error} onRetry={() => void credentials.refetch()} />;

  return (
    <Card withBorder>
      <Stack>
        <Text size="sm" c="dimmed">
          Secrets are encrypted with a key kept outside the database. Once saved they cannot be shown again,
          only replaced or cleared.
        </Text>
        <TableContainer label="Credentials">
          <Table verticalSpacing="sm" aria-label="Credentials">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Credential</Table.Th>
                <Table.Th>State</Table.Th>
                <Table.Th>Change</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {credentials.data.map((c) => (
                <Table.Tr key={c.key} data-testid={`credential-${c.key}`}>
                  <Table.Td>
                    <Text size="sm">{c.label}</Text>
                    <Text size="xs" c="dimmed">
                      {c.key}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={c.isSet ? 'green' : 'gray'} variant="light">
                      {c.isSet ? 'Set' : 'Not set'}
                    </Badge>
                    {c.value ? <Text size="xs">{c.value}</Text> : null}
                  </Table.Td>
                  <Table.Td>
                    {editing === c.key ? (
                      <form
                        onSubmit={(event) => {
                          event.preventDefault();
                          if (value.trim() !== '') save.mutate({ key: c.key, value });
                        }}
                      >
                        <Group gap="xs" align="flex-end" wrap="nowrap">
                          {c.isSecret ? (
                            <PasswordInput
                              label={`New value for ${c.key}`}
                              autoComplete="off"
                              value={value}
                              onChange={(e) => setValue(e.currentTarget.value)}
                              required
                            />
                          ) : (
                            <TextInput
                              label={`New value for ${c.key}`}
                              value={value}
                              onChange={(e) => setValue(e.currentTarget.value)}
                              required
                            />
                          )}
                          <Button type="submit" size="sm" loading={save.isPending}>
                            Save
                          </Button>
                          <Button size="sm" variant="subtle" onClick={() => setEditing(null)}>
                            Cancel
                          </Button>
                        </Group>
                      </form>
                    ) : (
                      <Group gap="xs">
                        <Button
                          size="xs"
                          variant="light"
                          onClick={() => {
                            setEditing(c.key);
                            setValue('');
                          }}
                          aria-label={`${c.isSet ? 'Replace' : 'Set'} ${c.key}`}
                        >
                          {c.isSet ? 'Replace' : 'Set'}
                        </Button>
                        {c.isSet ? (
                          <Button
                            size="xs"
                            variant="default"
                            aria-label={`Clear ${c.key}`}
                            loading={clear.isPending && clear.variables?.key === c.key}
                            onClick={() => clear.mutate({ key: c.key })}
                          >
                            Clear
                          </Button>
                        ) : null}
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableContainer>
      </Stack>
    </Card>
  );
}
