import { Button, Card, Group, Stack, TextInput } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../components/ui/page-header.tsx';
import { EmptyState, QueryError, SkeletonRows } from '../components/ui/query-state.tsx';
import { LicenseLookupResult } from '../features/licenses/license-lookup-result.tsx';
import { useTRPC } from '../lib/trpc.ts';

export function LicenseLookupPage() {
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const key = params.get('key')?.trim() ?? '';
  const [draft, setDraft] = useState(key);
  const lookup = useQuery(trpc.license.lookup.queryOptions({ key }, { enabled: key.length > 0 }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = draft.trim().slice(0, 200);
    setParams(next ? { key: next } : {});
  };

  return (
    <Stack gap="md">
      <PageHeader
        title="License lookup"
        description="Paste a key in any formatting: dashes, spaces and case do not matter."
      />
      <Card component="form" onSubmit={submit} role="search" aria-label="License lookup">
        <Group align="flex-end" wrap="nowrap">
          <TextInput
            label="License key"
            placeholder="KD7Q2-M4XHN-8RTVA-3PWEB-K9FQC"
            value={draft}
            onChange={(event) => setDraft(event.currentTarget.value)}
            leftSection={<IconKey size={16} />}
            ff="monospace"
            maxLength={200}
            autoFocus
            style={{ flex: 1 }}
            data-testid="license-lookup-input"
          />
          <Button type="submit" disabled={draft.trim() === ''}>
            Look up
          </Button>
        </Group>
      </Card>
      {key === '' ? (
        <Card>
          <EmptyState title="Paste a key to look it up">
            You will see the license, its customer and orders, or the closest keys on file when it has a typo.
          </EmptyState>
        </Card>
      ) : lookup.error ? (
        <QueryError error={lookup.error} onRetry={() => void lookup.refetch()} />
      ) : lookup.data ? (
        <LicenseLookupResult result={lookup.data} />
      ) : (
        <SkeletonRows rows={4} height={40} />
      )}
    </Stack>
  );
}
