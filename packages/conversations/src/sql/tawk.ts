// tawk.to's statements: its rows of the WebhookEvent log (see ../tawk-webhook-log.ts) and the
// email thread a tawk.to ticket is stored as (see ../store-ticket.ts).
import { sql } from '@keydesk/db';

export const tawkEventIdByKey = sql<{ id: number }, { key: string }>(
  `SELECT id FROM WebhookEvent WHERE source = 'tawk' AND idempotencyKey = @key`,
);

export const insertTawkEventRow = sql<
  never,
  {
    key: string | null;
    receivedAt: number;
    ip: string | null;
    payload: string;
    status: string;
    result: string;
  }
>(
  `INSERT INTO WebhookEvent (source, idempotencyKey, receivedAt, remoteIp, payload, status, result)
   VALUES ('tawk', @key, @receivedAt, @ip, @payload, @status, @result)`,
);

/** Any source: the caller refuses rows that are not tawk.to's. */
export const webhookEventById = sql<
  { id: number; source: string; payload: string; status: string },
  { id: number }
>('SELECT id, source, payload, status FROM WebhookEvent WHERE id = @id');

export const markTawkEventReplayed = sql<never, { id: number; result: string }>(
  `UPDATE WebhookEvent SET status = 'processed', result = @result WHERE id = @id`,
);

export const ticketThreadByKey = sql<{ id: number }, { threadKey: string }>(
  'SELECT id FROM EmailThread WHERE threadKey = @threadKey',
);

export const insertTicketThread = sql<
  never,
  {
    threadKey: string;
    subject: string;
    subjectKey: string;
    customerId: number | null;
    at: number;
    snippet: string | null;
    createdAt: number;
  }
>(
  `INSERT INTO EmailThread (threadKey, subject, subjectKey, customerId, firstMessageAt, lastMessageAt,
     messageCount, hasAttachments, isAwaitingReply, snippet, createdAt)
   VALUES (@threadKey, @subject, @subjectKey, @customerId, @at, @at, 1, 0, 1, @snippet, @createdAt)`,
);

export const insertTicketMessage = sql<
  never,
  {
    threadId: number;
    messageId: string;
    fromAddress: string | null;
    fromName: string | null;
    subject: string;
    at: number;
    textBody: string;
    snippet: string | null;
    createdAt: number;
  }
>(
  `INSERT INTO EmailMessage (threadId, messageId, fromAddress, fromName, toAddresses, ccAddresses,
     subject, sentAt, isInbound, textBody, snippet, source, createdAt)
   VALUES (@threadId, @messageId, @fromAddress, @fromName, '[]', '[]', @subject, @at, 1, @textBody,
     @snippet, 'tawk', @createdAt)`,
);

export const insertTicketParticipant = sql<never, { threadId: number; address: string }>(
  'INSERT OR IGNORE INTO EmailThreadParticipant (threadId, address) VALUES (@threadId, @address)',
);
