// One vocabulary per kind of status, so an order reads "Charged back" in red on every page and a
// reseller has one name everywhere. The label is always shown; the colour only repeats it.

export type StatusLook = { label: string; color: string };
export type StatusVocabulary = Readonly<Record<string, StatusLook>>;

export const ORDER_STATUS: StatusVocabulary = {
  completed: { label: 'Completed', color: 'teal' },
  pending: { label: 'Pending', color: 'blue' },
  refunded: { label: 'Refunded', color: 'orange' },
  partially_refunded: { label: 'Partly refunded', color: 'yellow' },
  charged_back: { label: 'Charged back', color: 'red' },
  canceled: { label: 'Canceled', color: 'gray' },
};

export const LICENSE_STATUS: StatusVocabulary = {
  active: { label: 'Active', color: 'teal' },
  revoked: { label: 'Revoked', color: 'red' },
  expired: { label: 'Expired', color: 'gray' },
};

export const UPGRADE_STATUS: StatusVocabulary = {
  current: { label: 'Current version', color: 'teal' },
  free: { label: 'Free upgrade', color: 'blue' },
  paid: { label: 'Paid upgrade', color: 'yellow' },
  none: { label: 'Not eligible', color: 'gray' },
};

export const OUTBOX_STATUS: StatusVocabulary = {
  queued: { label: 'Queued', color: 'gray' },
  sending: { label: 'Sending', color: 'blue' },
  sent: { label: 'Sent', color: 'teal' },
  failed: { label: 'Failed', color: 'red' },
};

export const WEBHOOK_STATUS: StatusVocabulary = {
  processed: { label: 'Processed', color: 'teal' },
  duplicate: { label: 'Duplicate', color: 'gray' },
  kept: { label: 'Kept for replay', color: 'yellow' },
  rejected: { label: 'Rejected', color: 'red' },
  failed: { label: 'Failed', color: 'orange' },
};

export const JOB_STATUS: StatusVocabulary = {
  ok: { label: 'OK', color: 'teal' },
  failed: { label: 'Failed', color: 'red' },
  running: { label: 'Running', color: 'blue' },
};

export const CAMPAIGN_STATUS: StatusVocabulary = {
  draft: { label: 'Draft', color: 'gray' },
  sending: { label: 'Sending', color: 'blue' },
  paused: { label: 'Paused', color: 'yellow' },
  cancelled: { label: 'Cancelled', color: 'orange' },
  done: { label: 'Done', color: 'teal' },
};

export const RECIPIENT_STATUS: StatusVocabulary = {
  pending: { label: 'Waiting', color: 'gray' },
  queued: { label: 'Queued', color: 'blue' },
  sent: { label: 'Sent', color: 'teal' },
  failed: { label: 'Failed', color: 'red' },
  bounced: { label: 'Bounced', color: 'red' },
  unsubscribed: { label: 'Unsubscribed', color: 'yellow' },
  cancelled: { label: 'Cancelled', color: 'orange' },
};

/** An unknown status still reads as itself ("partially_refunded" → "Partially refunded"). */
export function statusLook(vocabulary: StatusVocabulary, status: string): StatusLook {
  const known = vocabulary[status];
  if (known) return known;
  const words = status.replaceAll('_', ' ');
  return { label: words.charAt(0).toUpperCase() + words.slice(1), color: 'gray' };
}

export const RESELLERS = [
  { value: 'paypro', label: 'PayPro Global' },
  { value: 'avangate', label: 'Avangate (2Checkout)' },
] as const;

export function resellerLabel(reseller: string): string {
  if (reseller === 'manual') return 'Manual';
  return RESELLERS.find((r) => r.value === reseller)?.label ?? reseller;
}
