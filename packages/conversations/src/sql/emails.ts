// Statements that store emails (see ../store-emails.ts): dedupe by Message-ID, find or start the
// thread, keep its summary and participants, link it to a customer. Times are epoch milliseconds.
import { sql } from '@keydesk/db';

export const messageExists = sql<{ found: number }, { messageId: string }>(
  'SELECT 1 AS found FROM EmailMessage WHERE messageId = @messageId',
);

export const threadByKey = sql<{ id: number }, { threadKey: string }>(
  'SELECT id FROM EmailThread WHERE threadKey = @threadKey',
);

export const threadOfMessage = sql<{ threadId: number }, { messageId: string }>(
  'SELECT threadId FROM EmailMessage WHERE messageId = @messageId',
);

/** A reply stored before its parent points at it. */
export const threadOfReply = sql<{ threadId: number }, { messageId: string }>(
  'SELECT threadId FROM EmailMessage WHERE inReplyTo = @messageId LIMIT 1',
);

export const threadBySubject = sql<
  { id: number },
  { address: string; subjectKey: string; from: number; to: number }
>(
  `SELECT t.id FROM EmailThread t
   JOIN EmailThreadParticipant p ON p.threadId = t.id AND p.address = @address
   WHERE t.subjectKey = @subjectKey AND t.lastMessageAt BETWEEN @from AND @to
   ORDER BY t.lastMessageAt DESC LIMIT 1`,
);

export const insertThread = sql<
  never,
  { threadKey: string; subject: string; subjectKey: string; at: number; createdAt: number }
>(
  `INSERT INTO EmailThread (threadKey, subject, subjectKey, customerId, firstMessageAt, lastMessageAt,
     messageCount, hasAttachments, isAwaitingReply, snippet, createdAt)
   VALUES (@threadKey, @subject, @subjectKey, NULL, @at, @at, 0, 0, 0, NULL, @createdAt)`,
);

// A message with no known date (@sentAt NULL) moves neither end of the thread.
export const updateThread = sql<
  never,
  {
    threadId: number;
    sentAt: number | null;
    hasAttachments: number;
    isInbound: number;
    snippet: string | null;
  }
>(
  `UPDATE EmailThread SET
     messageCount = messageCount + 1,
     firstMessageAt = MIN(firstMessageAt, COALESCE(@sentAt, firstMessageAt)),
     hasAttachments = hasAttachments OR @hasAttachments,
     isAwaitingReply = CASE WHEN @sentAt >= lastMessageAt THEN @isInbound ELSE isAwaitingReply END,
     snippet = CASE WHEN @sentAt >= lastMessageAt OR snippet IS NULL THEN @snippet ELSE snippet END,
     lastMessageAt = MAX(lastMessageAt, COALESCE(@sentAt, lastMessageAt))
   WHERE id = @threadId`,
);

export type MessageRow = {
  threadId: number;
  messageId: string;
  gmailMessageId: string | null;
  inReplyTo: string | null;
  references: string | null;
  fromAddress: string | null;
  fromName: string | null;
  toAddresses: string;
  ccAddresses: string;
  subject: string;
  sentAt: number | null;
  isInbound: number;
  textBody: string | null;
  htmlBody: string | null;
  snippet: string | null;
  parseProblems: string | null;
  source: string;
  createdAt: number;
};

export const insertMessage = sql<never, MessageRow>(
  `INSERT INTO EmailMessage (threadId, messageId, gmailMessageId, inReplyTo, "references", fromAddress,
     fromName, toAddresses, ccAddresses, subject, sentAt, isInbound, textBody, htmlBody, snippet,
     parseProblems, source, createdAt)
   VALUES (@threadId, @messageId, @gmailMessageId, @inReplyTo, @references, @fromAddress, @fromName,
     @toAddresses, @ccAddresses, @subject, @sentAt, @isInbound, @textBody, @htmlBody, @snippet,
     @parseProblems, @source, @createdAt)`,
);

export const insertAttachment = sql<
  never,
  {
    messageId: number;
    filename: string | null;
    contentType: string;
    size: number;
    contentId: string | null;
    isInline: number;
    checksum: string | null;
    content: Buffer | null;
  }
>(
  `INSERT INTO EmailAttachment (messageId, filename, contentType, size, contentId, isInline, checksum, content)
   VALUES (@messageId, @filename, @contentType, @size, @contentId, @isInline, @checksum, @content)`,
);

export const insertParticipant = sql<never, { threadId: number; address: string }>(
  'INSERT OR IGNORE INTO EmailThreadParticipant (threadId, address) VALUES (@threadId, @address)',
);

export const threadCustomer = sql<{ customerId: number | null }, { threadId: number }>(
  'SELECT customerId FROM EmailThread WHERE id = @threadId',
);

export const setThreadCustomer = sql<never, { customerId: number; threadId: number }>(
  'UPDATE EmailThread SET customerId = @customerId WHERE id = @threadId AND customerId IS NULL',
);

export const customerByEmail = sql<{ customerId: number }, { email: string }>(
  'SELECT customerId FROM CustomerEmail WHERE email = @email',
);
