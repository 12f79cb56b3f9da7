// Every raw SQL statement of the conversations domain: storage, linking, search.
// Values are always bound; times are epoch milliseconds.
import type Database from 'better-sqlite3';

const SQL = {
  messageExists: `SELECT 1 FROM EmailMessage WHERE messageId = ?`,
  threadByKey: `SELECT id FROM EmailThread WHERE threadKey = ?`,
  threadOfMessage: `SELECT threadId FROM EmailMessage WHERE messageId = ?`,
  threadOfReply: `SELECT threadId FROM EmailMessage WHERE inReplyTo = ? LIMIT 1`,
  threadBySubject: `
    SELECT t.id FROM EmailThread t
    JOIN EmailThreadParticipant p ON p.threadId = t.id AND p.address = ?
    WHERE t.subjectKey = ? AND t.lastMessageAt BETWEEN ? AND ?
    ORDER BY t.lastMessageAt DESC LIMIT 1`,
  insertThread: `
    INSERT INTO EmailThread (threadKey, subject, subjectKey, customerId, firstMessageAt, lastMessageAt,
      messageCount, hasAttachments, isAwaitingReply, snippet, createdAt)
    VALUES (?, ?, ?, NULL, ?, ?, 0, 0, 0, NULL, ?)`,
  updateThread: `
    UPDATE EmailThread SET
      messageCount = messageCount + 1,
      firstMessageAt = MIN(firstMessageAt, @sentAt),
      hasAttachments = hasAttachments OR @hasAttachments,
      isAwaitingReply = CASE WHEN @sentAt >= lastMessageAt THEN @isInbound ELSE isAwaitingReply END,
      snippet = CASE WHEN @sentAt >= lastMessageAt OR snippet IS NULL THEN @snippet ELSE snippet END,
      lastMessageAt = MAX(lastMessageAt, @sentAt)
    WHERE id = @threadId`,
  insertMessage: `
    INSERT INTO EmailMessage (threadId, messageId, gmailMessageId, inReplyTo, "references", fromAddress,
      fromName, toAddresses, ccAddresses, subject, sentAt, isInbound, textBody, htmlBody, snippet, source, createdAt)
    VALUES (@threadId, @messageId, @gmailMessageId, @inReplyTo, @references, @fromAddress, @fromName,
      @toAddresses, @ccAddresses, @subject, @sentAt, @isInbound, @textBody, @htmlBody, @snippet, @source, @createdAt)`,
  insertAttachment: `
    INSERT INTO EmailAttachment (messageId, filename, contentType, size, contentId, isInline, checksum, content)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  insertParticipant: `INSERT OR IGNORE INTO EmailThreadParticipant (threadId, address) VALUES (?, ?)`,
  threadCustomer: `SELECT customerId FROM EmailThread WHERE id = ?`,
  setThreadCustomer: `UPDATE EmailThread SET customerId = ? WHERE id = ? AND customerId IS NULL`,
  customerByEmail: `SELECT customerId FROM CustomerEmail WHERE email = ?`,
  linkThreadsOfAddress: `
    UPDATE EmailThread SET customerId = @customerId
    WHERE customerId IS NULL AND id IN (SELECT threadId FROM EmailThreadParticipant WHERE address = @email)`,
  linkChatsOfAddress: `UPDATE ChatTranscript SET customerId = @customerId WHERE customerId IS NULL AND visitorEmail = @email`,
  customerEmails: `SELECT email FROM CustomerEmail WHERE customerId = ?`,
  chatByExternalId: `SELECT id, messageCount FROM ChatTranscript WHERE externalId = ?`,
  insertChat: `
    INSERT INTO ChatTranscript (source, externalId, customerId, visitorName, visitorEmail, visitorCountry,
      startedAt, endedAt, lastMessageAt, messageCount, isAwaitingReply, snippet, createdAt)
    VALUES (@source, @externalId, @customerId, @visitorName, @visitorEmail, @visitorCountry,
      @startedAt, @endedAt, @lastMessageAt, @messageCount, @isAwaitingReply, @snippet, @createdAt)`,
  updateChat: `
    UPDATE ChatTranscript SET
      visitorName = COALESCE(@visitorName, visitorName), visitorEmail = COALESCE(@visitorEmail, visitorEmail),
      visitorCountry = COALESCE(@visitorCountry, visitorCountry), startedAt = MIN(startedAt, @startedAt),
      endedAt = COALESCE(@endedAt, endedAt), lastMessageAt = MAX(lastMessageAt, @lastMessageAt),
      messageCount = @messageCount, isAwaitingReply = @isAwaitingReply, snippet = @snippet,
      customerId = COALESCE(customerId, @customerId)
    WHERE id = @id`,
  deleteChatMessages: `DELETE FROM ChatMessage WHERE transcriptId = ?`,
  insertChatMessage: `
    INSERT INTO ChatMessage (transcriptId, seq, senderType, senderName, sentAt, text) VALUES (?, ?, ?, ?, ?, ?)`,
} as const;

export type EmailStatements = { [K in keyof typeof SQL]: Database.Statement };

const cache = new WeakMap<Database.Database, EmailStatements>();

/** Prepared once per connection: a 100k-message import runs each statement many thousands of times. */
export function emailStatements(sqlite: Database.Database): EmailStatements {
  let statements = cache.get(sqlite);
  if (!statements) {
    statements = Object.fromEntries(
      Object.entries(SQL).map(([name, sql]) => [name, sqlite.prepare(sql).safeIntegers(false)]),
    ) as EmailStatements;
    cache.set(sqlite, statements);
  }
  return statements;
}
