// Field readers shared by the tawk.to chat and ticket parsers.
import { redactCardNumbers } from '@keydesk/privacy';
import { z } from 'zod';

/** An optional string: anything else reads as absent. */
export const ZText = z.string().optional().catch(undefined);

/** An id tawk.to may send as a string or a number (redacted: an id is stored and shown). */
export const ZId = z
  .union([z.string(), z.number()])
  .transform(String)
  .pipe(z.string().trim().min(1).max(200))
  .transform(redactCardNumbers);

/** Trimmed and redacted, or null when empty. */
export function clean(value: string | undefined): string | null {
  const v = value?.trim();
  return v ? redactCardNumbers(v) : null;
}

/** Lower-cased, or null when it does not look like an address (it then links nothing). */
export function toEmail(value: string | undefined): string | null {
  const email = value?.trim().toLowerCase();
  return email && email.length <= 320 && /^[^\s@]+@[^\s@]+$/.test(email) ? email : null;
}

export function toDate(value: string | number | undefined): Date | null {
  if (value === undefined) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The first problem zod found, with its path, short enough for a log line. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const at = issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
  return `${at}${issue.message}`.slice(0, 200);
}

/** A message body as text: file and call messages may carry an object instead of a string. */
export function asText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
