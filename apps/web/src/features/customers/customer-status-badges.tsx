import { Badge } from '@mantine/core';

const ORDER_STATUS: Record<string, { label: string; color: string }> = {
  completed: { label: 'Completed', color: 'green' },
  pending: { label: 'Pending', color: 'gray' },
  refunded: { label: 'Refunded', color: 'orange' },
  partially_refunded: { label: 'Partly refunded', color: 'yellow' },
  charged_back: { label: 'Charged back', color: 'red' },
  canceled: { label: 'Canceled', color: 'gray' },
};

/** The word is always shown: colour only repeats it. */
export function CustomerOrderStatusBadge({ status }: { status: string }) {
  const known = ORDER_STATUS[status] ?? { label: status, color: 'gray' };
  return (
    <Badge variant="light" color={known.color}>
      {known.label}
    </Badge>
  );
}

const LICENSE_STATUS: Record<string, string> = { active: 'green', revoked: 'red', expired: 'gray' };

export function CustomerLicenseStatusBadge({ status }: { status: string }) {
  return (
    <Badge variant="light" color={LICENSE_STATUS[status] ?? 'gray'} tt="capitalize">
      {status}
    </Badge>
  );
}

const UPGRADE: Record<string, { label: string; color: string }> = {
  current: { label: 'Current version', color: 'green' },
  free: { label: 'Free upgrade', color: 'blue' },
  paid: { label: 'Paid upgrade', color: 'yellow' },
  none: { label: 'Not eligible', color: 'gray' },
};

export function CustomerUpgradeBadge({ status, reason }: { status: string; reason: string }) {
  const known = UPGRADE[status] ?? { label: status, color: 'gray' };
  return (
    <Badge variant="light" color={known.color} title={reason}>
      {known.label}
    </Badge>
  );
}

const OUTBOX: Record<string, { label: string; color: string }> = {
  queued: { label: 'Queued', color: 'gray' },
  sending: { label: 'Sending', color: 'blue' },
  sent: { label: 'Sent', color: 'green' },
  failed: { label: 'Failed', color: 'red' },
};

export function CustomerResendStatusBadge({ status }: { status: string }) {
  const known = OUTBOX[status] ?? { label: status, color: 'gray' };
  return (
    <Badge variant="light" color={known.color}>
      {known.label}
    </Badge>
  );
}
