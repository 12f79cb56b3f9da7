import type { RouterOutputs } from '@keydesk/api';
import LOOKS from './statuses.json';

// One vocabulary per kind of status, so an order reads "Charged back" in red on every page and a
// reseller has one name everywhere. The label is always shown; the colour only repeats it.

/** `title` says on hover what the label stands for, where a word alone would leave it unclear. */
export type StatusLook = { label: string; color: string; title?: string };
export type StatusVocabulary = Readonly<Record<string, StatusLook>>;

// The looks themselves are data (statuses.json). Words that the vocabularies of Keydesk's own work
// share (outbox, jobs, campaigns, recipients) mean the same thing in each, so each has one look: a
// failed email, job and recipient are the same red (statuses.test.ts holds them to it).

export const ORDER_STATUS: StatusVocabulary = LOOKS.order;
export const LICENSE_STATUS: StatusVocabulary = LOOKS.license;
export const UPGRADE_STATUS: StatusVocabulary = LOOKS.upgrade;
export const OUTBOX_STATUS = LOOKS.outbox satisfies StatusVocabulary;
export const WEBHOOK_STATUS: StatusVocabulary = LOOKS.webhook;
export const JOB_STATUS: StatusVocabulary = LOOKS.job;
export const CAMPAIGN_STATUS: StatusVocabulary = LOOKS.campaign;

type ServerRecipientStatus = RouterOutputs['announcements']['recipients']['items'][number]['status'];
/** Keys exactly `TStatus`: one missing from the data file, or one the server dropped, fails to compile. */
type ExactVocabulary<TVocabulary, TStatus extends string> = Record<TStatus, StatusLook> &
  Record<Exclude<keyof TVocabulary, TStatus>, never>;

export const RECIPIENT_STATUS = LOOKS.recipient satisfies ExactVocabulary<
  typeof LOOKS.recipient,
  ServerRecipientStatus
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
