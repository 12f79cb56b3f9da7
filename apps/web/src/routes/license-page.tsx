import { Button, Card, Stack, Text, Title } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import { useParams, useSearchParams } from 'react-router';
import { PageHeader } from '../components/ui/page-header.tsx';
import { EmptyState, QueryError, SkeletonRows } from '../components/ui/query-state.tsx';
import { LicenseResendDialog } from '../features/licenses/license-resend-dialog.tsx';
import { LicenseResendHistory } from '../features/licenses/license-resend-history.tsx';
import { LicenseSummary } from '../features/licenses/license-summary.tsx';
import { useTRPC } from '../lib/trpc.ts';

function isNotFound(error: unknown): boolean {
  return (
    error instanceof TRPCClientError && (error.data as { code?: string } | undefined)?.code === 'NOT_FOUND'
  );
}

/** One license: its customer and order, its resend history, and the resend dialog (?resend=1 opens it). */
export function LicensePage() {
  const trpc = useTRPC();
  const params = useParams();
  const licenseId = Number(params.id);
  const isValidId = Number.isInteger(licenseId) && licenseId > 0;
  const [searchParams, setSearchParams] = useSearchParams();
  const isDialogOpen = searchParams.get('resend') === '1';
  const detail = useQuery({
    ...trpc.licenseResend.get.queryOptions({ licenseId }),
    enabled: isValidId,
    // While an email waits or is being sent, follow it until it settles.
    refetchInterval: (query) =>
      query.state.data?.resends.some((r) => r.outbox.status === 'queued' || r.outbox.status === 'sending')
        ? 3_000
        : false,
  });

  const setDialogOpen = (open: boolean) =>
    setSearchParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (open) next.set('resend', '1');
        else next.delete('resend');
        return next;
      },
      { replace: true },
    );

  if (!isValidId || isNotFound(detail.error)) {
    return (
      <>
        <PageHeader title="License" />
        <Card>
          <EmptyState title="No such license">
            Check the address, or find the license from the customer's page or by its key.
          </EmptyState>
        </Card>
      </>
    );
  }

  const data = detail.data;
  return (
    <Stack gap="lg">
      <PageHeader
        title={data ? `${data.license.product} ${data.license.edition} license` : 'License'}
        description={data?.license.customer ? `Belongs to ${data.license.customer.name}` : undefined}
        actions={
          data ? (
            <Button leftSection={<IconSend size={16} aria-hidden />} onClick={() => setDialogOpen(true)}>
              Resend key
            </Button>
          ) : null
        }
      />
      {detail.error ? <QueryError error={detail.error} onRetry={() => void detail.refetch()} /> : null}
      {data ? (
        <>
          {!data.canResend ? (
            <Text size="sm" c="red.8" role="note">
              {data.blockedReason}
            </Text>
          ) : null}
          <LicenseSummary license={data.license} />
          <Card>
            <Title order={2} size="h4" mb="sm">
              Resends
            </Title>
            <LicenseResendHistory resends={data.resends} limit={data.historyLimit} />
          </Card>
          <LicenseResendDialog
            licenseId={licenseId}
            opened={isDialogOpen}
            onClose={() => setDialogOpen(false)}
            defaultAddress={data.defaultAddress}
            canResend={data.canResend}
            blockedReason={data.blockedReason}
          />
        </>
      ) : detail.isLoading ? (
        <Card>
          <SkeletonRows rows={6} />
        </Card>
      ) : null}
    </Stack>
  );
}
