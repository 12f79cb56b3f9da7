import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { QueryError } from '../../components/ui/query-state.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { LicenseResendDialog } from '../licenses/license-resend-dialog.tsx';

/**
 * The customer's page keeps the license being resent in its address (?resend=<license id>), so the
 * dialog opens where the owner is, and Back or a reload returns to it.
 */
export function useResendParam(): [number | null, (licenseId: number | null) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const raw = Number(searchParams.get('resend'));
  const licenseId = Number.isInteger(raw) && raw > 0 ? raw : null;
  const set = (next: number | null) =>
    setSearchParams(
      (previous) => {
        const params = new URLSearchParams(previous);
        if (next === null) params.delete('resend');
        else params.set('resend', String(next));
        return params;
      },
      { replace: true },
    );
  return [licenseId, set];
}

/** The resend dialog for one of the customer's licenses, with the rule's verdict from the server. */
export function CustomerLicenseResend({ licenseId, onClose }: { licenseId: number; onClose: () => void }) {
  const trpc = useTRPC();
  const detail = useQuery(trpc.licenseResend.get.queryOptions({ licenseId }));
  if (detail.error) return <QueryError error={detail.error} onRetry={() => void detail.refetch()} />;
  if (!detail.data) return null;
  return (
    <LicenseResendDialog
      licenseId={licenseId}
      opened
      onClose={onClose}
      defaultAddress={detail.data.defaultAddress}
      canResend={detail.data.canResend}
      blockedReason={detail.data.blockedReason}
    />
  );
}
