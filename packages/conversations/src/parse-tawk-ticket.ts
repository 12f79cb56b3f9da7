// tawk.to's ticket:create event → a ticket Keydesk stores as a conversation. Documented fields:
// `requester { name, email }` and `ticket { id, humanId, subject, message }` beside `event`, `time`
// and `property`. Only the ticket id and the time are required; the rest reads leniently.
import { redactCardNumbers } from '@keydesk/privacy';
import { z } from 'zod';
import { asText, clean, toEmail, ZId, ZText } from './tawk-fields.ts';

export type ParsedTicket = {
  /** tawk.to's ticket id (a UUID). */
  externalId: string;
  /** The short number tawk.to shows beside the subject ("#3"). */
  humanId: string | null;
  subject: string;
  message: string;
  requesterName: string | null;
  requesterEmail: string | null;
  createdAt: Date;
};

export const ZTicketEvent = z
  .object({
    event: z.literal('ticket:create'),
    time: z.union([z.string(), z.number()]).optional().catch(undefined),
    requester: z.object({ name: ZText, email: ZText }).passthrough().optional().catch(undefined),
    ticket: z
      .object({
        id: ZId,
        humanId: z.union([z.number(), z.string()]).optional().catch(undefined),
        subject: z.unknown().optional(),
        message: z.unknown().optional(),
      })
      .passthrough(),
  })
  .passthrough();

export function toTicket(e: z.infer<typeof ZTicketEvent>, at: Date): ParsedTicket {
  const humanId =
    e.ticket.humanId === undefined ? null : redactCardNumbers(String(e.ticket.humanId).slice(0, 40));
  const subject = redactCardNumbers(asText(e.ticket.subject).replace(/\s+/g, ' ').trim().slice(0, 500));
  return {
    externalId: e.ticket.id,
    humanId,
    subject: subject || `tawk.to ticket ${humanId ? `#${humanId}` : e.ticket.id}`,
    message: redactCardNumbers(asText(e.ticket.message)),
    requesterName: clean(e.requester?.name),
    requesterEmail: toEmail(e.requester?.email),
    createdAt: at,
  };
}
