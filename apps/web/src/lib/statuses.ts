import type { RouterOutputs } from '@keydesk/api';

// One vocabulary per kind of status, so an order reads "Charged back" in red on every page and a
// reseller has one name everywhere. The label is always shown; the colour only repeats it.

/** `title` says on hover what the label stands for, where a word alone would leave it unclear. */
export type StatusLook = { label: string; color: string; title?: string };
export type StatusVocabulary = Readonly<Record<string, StatusLook>>;

// Words several vocabularies share mean the same thing in each, so each has one look: a failed
// email, job and recipient are the same red.
const SENDING: StatusLook = { label: 'Sending', color: 'blue' };
const SENT: StatusLook = { label: 'Sent', color: 'teal' };
const FAILED: StatusLook = { label: 'Failed', color: 'red' };
const CANCELLED: StatusLook = { label: 'Cancelled', color: 'orange' };

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

export const OUTBOX_STATUS = {
  queued: { label: 'Queued', color: 'blue' },
  sending: SENDING,
  sent: SENT,
  failed: FAILED,
} as const satisfies StatusVocabulary;

export const WEBHOOK_STATUS: StatusVocabulary = {
  processed: { label: 'Processed', color: 'teal' },
  duplicate: { label: 'Duplicate', color: 'gray' },
  kept: { label: 'Kept for replay', color: 'yellow' },
  rejected: { label: 'Rejected', color: 'red' },
  failed: { label: 'Failed', color: 'orange' },
};

export const JOB_STATUS: StatusVocabulary = {
  ok: { label: 'OK', color: 'teal' },
  failed: FAILED,
  running: { label: 'Running', color: 'blue' },
};

export const CAMPAIGN_STATUS: StatusVocabulary = {
  draft: { label: 'Draft', color: 'gray' },
  sending: SENDING,
  paused: { label: 'Paused', color: 'yellow' },
  cancelled: CANCELLED,
  done: { label: 'Done', color: 'teal' },
};

export const RECIPIENT_STATUS = {
  pending: { label: 'Waiting', color: 'gray' },
  queued: { label: 'Queued', color: 'blue' },
  sent: SENT,
  failed: FAILED,
  bounced: { label: 'Bounced', color: 'red' },
  unsubscribed: { label: 'Unsubscribed', color: 'yellow' },
  cancelled: CANCELLED,
  // Exactly the server's statuses, checked by the compiler: a status added there fails the build here.
} as const satisfies Record<
  RouterOutputs['announcements']['recipients']['items'][number]['status'],
  StatusLook
>;

export type RecipientStatus = keyof typeof RECIPIENT_STATUS;
/** The recipients list filters by these, in this order: the vocabulary is the one list of them. */
export const RECIPIENT_STATUSES = statusesOf(RECIPIENT_STATUS);

// Every suppression is the same orange (the address gets no announcements); only the reason differs.
function suppressed(label: string, title: string): StatusLook {
  return { label, color: 'orange', title };
}

/** Why announcements no longer reach an address, as the owner would say it. */
export const SUPPRESSION_REASON: StatusVocabulary = {
  hard_bounce: suppressed('Bounced', 'Its mail server said this address does not exist'),
  complaint: suppressed('Marked as spam', 'The recipient reported an announcement as spam'),
  manual: suppressed('Blocked', 'You blocked this address for announcements'),
  updates_unsubscribed: suppressed('No update notices', 'Left update notices through the link'),
};

/** An unknown reason still says the address is left out, and names the reason on hover. */
export function suppressionLook(reason: string): StatusLook {
  return SUPPRESSION_REASON[reason] ?? suppressed('No announcements', reason);
}

/** A closed vocabulary's statuses, typed as its keys (Object.keys only knows it returns strings). */
function statusesOf<TStatus extends string>(vocabulary: Readonly<Record<TStatus, StatusLook>>): TStatus[] {
  return Object.keys(vocabulary) as TStatus[];
}

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
