// The audit log read as sentences: "Signed in", "Resent a license key (to another address)",
// with the recorded details as words ("reason: wrong password") instead of raw JSON.
import { formatPlural } from '../../lib/format.ts';

export type AuditEntryLike = {
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: string | null;
};

type Details = Record<string, unknown>;

const count = (value: unknown, one: string, other: string) =>
  typeof value === 'number' ? formatPlural(value, { one, other }) : null;

/** "paypro webhook", or just "webhook" when the writer recorded no source. */
const webhook = (d: Details) => `${d.source ? `${String(d.source)} ` : ''}webhook`;

/** One sentence per known action; the details it reads are those its writer records. */
const SENTENCES: Record<string, (details: Details) => string> = {
  'announcement.start': (d) => {
    const to = count(d.recipients, 'recipient', 'recipients');
    return `Started an announcement${to ? ` to ${to}` : ''}`;
  },
  'announcement.cancel': (d) => {
    const unsent = count(d.cancelled, 'recipient', 'recipients');
    return `Cancelled an announcement${unsent ? ` (${unsent} not sent)` : ''}`;
  },
  'auth.setup': () => 'Created the owner account',
  'auth.login': () => 'Signed in',
  'auth.login.failed': (d) =>
    `Sign-in refused${d.reason ? ` (${String(d.reason).replaceAll('_', ' ')})` : ''}`,
  'auth.login.unlock': () => 'Unlocked sign-in from the command line',
  'auth.logout': () => 'Signed out',
  'auth.password.change': (d) => {
    const ended = count(d.sessionsEnded, 'other session', 'other sessions');
    return `Changed the password${ended ? `, ending ${ended}` : ''}`;
  },
  'auth.session.revoke': () => 'Ended a session',
  'auth.session.revoke_all': (d) => {
    const ended = count(d.count, 'session', 'sessions');
    return ended ? `Ended ${ended}` : 'Ended every other session';
  },
  'auth.2fa.enable': () => 'Turned on two-factor sign-in',
  'auth.2fa.disable': () => 'Turned off two-factor sign-in',
  'auth.2fa.recovery_code_used': () => 'Signed in with a recovery code',
  'customer.create': () => 'Created a customer from a conversation',
  'customer.export': () => "Exported a customer's data",
  'customer.erase': () => 'Erased a customer',
  'customer.note.add': () => 'Added a note',
  'customer.note.update': () => 'Edited a note',
  'customer.note.delete': () => 'Deleted a note',
  'conversation.link': () => 'Linked a conversation to a customer',
  'conversation.done': () => 'Marked a conversation done',
  'conversation.reopen': () => 'Reopened a conversation',
  'license.resend': (d) => `Resent a license key${d.isAlternateAddress ? ' to another address' : ''}`,
  'settings.credential.set': () => 'Saved a credential',
  'settings.credential.clear': () => 'Removed a credential',
  'webhook.replay': (d) => `Replayed a ${webhook(d)}`,
  'webhook.failed': (d) => `A ${webhook(d)} failed`,
  'webhook.rejected': (d) => `Refused a ${webhook(d)}`,
  'tawk.webhook.rejected': () => 'Refused a tawk.to webhook',
};

/** "customer.note.add" → "Customer note add": the fallback for an action without a sentence. */
function humanizeAction(action: string): string {
  const words = action.replaceAll(/[._-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function parseDetails(details: string | null): Details {
  if (!details) return {};
  try {
    const parsed: unknown = JSON.parse(details);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Details) : {};
  } catch {
    return {};
  }
}

/** What happened, as a sentence. */
export function describeAuditAction(entry: AuditEntryLike): string {
  const sentence = SENTENCES[entry.action];
  return sentence ? sentence(parseDetails(entry.details)) : humanizeAction(entry.action);
}

/** The details as "name: value" words ("reason: wrong password · source: paypro"). */
export function describeAuditDetails(details: string | null): string {
  if (!details) return '';
  const parsed = parseDetails(details);
  const parts = Object.entries(parsed)
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([key, value]) => {
      const name = key.replaceAll(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
      const text =
        typeof value === 'boolean'
          ? value
            ? 'yes'
            : 'no'
          : typeof value === 'object'
            ? JSON.stringify(value)
            : String(value);
      return `${name}: ${text.replaceAll('_', ' ')}`;
    });
  return parts.length > 0 ? parts.join(' · ') : Object.keys(parsed).length === 0 ? details : '';
}
