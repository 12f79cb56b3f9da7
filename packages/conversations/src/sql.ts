// Every raw SQL statement of the conversations domain: storage, linking, search.
// Values are always bound; times are epoch milliseconds.
import type { Db } from '@keydesk/db';
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
  // A message with no known date (@sentAt NULL) moves neither end of the thread.
  updateThread: `
    UPDATE EmailThread SET
      messageCount = messageCount + 1,
      firstMessageAt = MIN(firstMessageAt, COALESCE(@sentAt, firstMessageAt)),
      hasAttachments = hasAttachments OR @hasAttachments,
      isAwaitingReply = CASE WHEN @sentAt >= lastMessageAt THEN @isInbound ELSE isAwaitingReply END,
      snippet = CASE WHEN @sentAt >= lastMessageAt OR snippet IS NULL THEN @snippet ELSE snippet END,
      lastMessageAt = MAX(lastMessageAt, COALESCE(@sentAt, lastMessageAt))
    WHERE id = @threadId`,
  insertMessage: `
    INSERT INTO EmailMessage (threadId, messageId, gmailMessageId, inReplyTo, "references", fromAddress,
      fromName, toAddresses, ccAddresses, subject, sentAt, isInbound, textBody, htmlBody, snippet, parseProblems,
      source, createdAt)
    VALUES (@threadId, @messageId, @gmailMessageId, @inReplyTo, @references, @fromAddress, @fromName,
      @toAddresses, @ccAddresses, @subject, @sentAt, @isInbound, @textBody, @htmlBody, @snippet, @parseProblems,
      @source, @createdAt)`,
  insertAttachment: `
    INSERT INTO EmailAttachment (messageId, filename, contentType, size, contentId, isInline, checksum, content)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  insertParticipant: `INSERT OR IGNORE INTO EmailThreadParticipant (threadId, address) VALUES (?, ?)`,
  threadCustomer: `SELECT customerId FROM EmailThread WHERE id = ?`,
  setThreadCustomer: `UPDATE EmailThread SET customerId = ? WHERE id = ? AND customerId IS NULL`,
  customerByEmail: `SELECT customerId FROM CustomerEmail WHERE email = ?`,
} as const;

export type Statements = { [K in keyof typeof SQL]: Database.Statement };

const cache = new WeakMap<Database.Database, Statements>();

/** The domain's statements on this database's connection. */
export function sql(db: Db): Statements {
  return statements(db.sqlite);
}

/** Prepared once per connection: a 100k-message import runs each statement many thousands of times. */
export function statements(sqlite: Database.Database): Statements {
  let statements = cache.get(sqlite);
  if (!statements) {
    statements = Object.fromEntries(
      Object.entries(SQL).map(([name, sql]) => [name, sqlite.prepare(sql).safeIntegers(false)]),
    ) as Statements;
    cache.set(sqlite, statements);
  }
  return statements;
}

// ── search (conversation.find) ──
// Each branch walks its lastMessageAt index newest first and stops at the page size; the cursor
// (at, kind, id) is applied inside both so neither reads rows the page will not show.

export type FindFilters = {
  from: number | null;
  to: number | null;
  linked: 'all' | 'linked' | 'unlinked';
  hasAttachments: boolean;
  /** An FTS5 query built by `toFtsQuery`, or null for no text search. */
  match: string | null;
  cursor: { at: number; kind: 'chat' | 'email'; id: number } | null;
  limit: number;
};

export type FindRow = {
  kind: 'chat' | 'email';
  id: number;
  at: number;
  title: string;
  snippet: string | null;
  customerId: number | null;
  customerName: string | null;
  messageCount: number;
  hasAttachments: number;
  isAwaitingReply: number;
  contact: string | null;
};

function branchWhere(kind: 'chat' | 'email', alias: string, f: FindFilters): string {
  const parts: string[] = [];
  if (f.from !== null) parts.push(`${alias}.lastMessageAt >= @from`);
  if (f.to !== null) parts.push(`${alias}.lastMessageAt < @to`);
  if (f.linked === 'linked') parts.push(`${alias}.customerId IS NOT NULL`);
  if (f.linked === 'unlinked') parts.push(`${alias}.customerId IS NULL`);
  if (f.hasAttachments) parts.push(`${alias}.hasAttachments = 1`);
  if (f.match !== null) {
    // The set of matching conversations, built once from the index (the caller tried the newest
    // conversations first, so the term is rare and the set small).
    parts.push(
      kind === 'chat'
        ? `${alias}.id IN (SELECT m.transcriptId FROM ChatMessageFts JOIN ChatMessage m ON m.id = ChatMessageFts.rowid WHERE ChatMessageFts MATCH @match)`
        : `${alias}.id IN (SELECT m.threadId FROM EmailMessageFts JOIN EmailMessage m ON m.id = EmailMessageFts.rowid WHERE EmailMessageFts MATCH @match)`,
    );
  }
  if (f.cursor) {
    // Rows sort by (at DESC, kind DESC, id DESC): 'email' > 'chat'.
    const kindAfter = kind < f.cursor.kind ? '1' : kind === f.cursor.kind ? `${alias}.id < @cursorId` : '0';
    parts.push(
      `(${alias}.lastMessageAt < @cursorAt OR (${alias}.lastMessageAt = @cursorAt AND ${kindAfter}))`,
    );
  }
  return parts.length > 0 ? `WHERE ${parts.join(' AND ')}` : '';
}

export function findConversationsSql(f: FindFilters, kinds: ('chat' | 'email')[]): string {
  const branches: string[] = [];
  if (kinds.includes('chat') && !f.hasAttachments) {
    branches.push(`SELECT * FROM (
      SELECT 'chat' AS kind, c.id, c.lastMessageAt AS at,
        COALESCE(c.visitorName, c.visitorEmail, 'Chat ' || c.externalId) AS title, c.snippet,
        c.customerId, cu.name AS customerName, c.messageCount, 0 AS hasAttachments, c.isAwaitingReply,
        c.visitorEmail AS contact
      FROM ChatTranscript c LEFT JOIN Customer cu ON cu.id = c.customerId
      ${branchWhere('chat', 'c', f)}
      ORDER BY c.lastMessageAt DESC, c.id DESC LIMIT @limit)`);
  }
  if (kinds.includes('email')) {
    branches.push(`SELECT * FROM (
      SELECT 'email' AS kind, t.id, t.lastMessageAt AS at, t.subject AS title, t.snippet,
        t.customerId, cu.name AS customerName, t.messageCount, t.hasAttachments, t.isAwaitingReply,
        NULL AS contact
      FROM EmailThread t LEFT JOIN Customer cu ON cu.id = t.customerId
      ${branchWhere('email', 't', f)}
      ORDER BY t.lastMessageAt DESC, t.id DESC LIMIT @limit)`);
  }
  if (branches.length === 0) return `SELECT NULL AS kind WHERE 0`;
  return `${branches.join(' UNION ALL ')} ORDER BY at DESC, kind DESC, id DESC LIMIT @limit`;
}

// \u0002 and \u0003 mark hits: they never occur in stored text, so the UI can split on them safely.
// The thread's own messages drive the loop (CROSS JOIN fixes the order) and each is checked with
// rowid = ? AND MATCH, a point lookup: matching the term across all mail first would cost as much
// as the whole index holds for a common word, once per result.
export const EMAIL_HIT_SQL = `
  SELECT snippet(EmailMessageFts, -1, char(2), char(3), '…', 16) AS snippet
  FROM EmailMessage m CROSS JOIN EmailMessageFts ON EmailMessageFts.rowid = m.id
  WHERE m.threadId = @id AND EmailMessageFts MATCH @match
  ORDER BY m.sentAt DESC LIMIT 1`;

export const CHAT_HIT_SQL = `
  SELECT snippet(ChatMessageFts, 0, char(2), char(3), '…', 16) AS snippet
  FROM ChatMessage m CROSS JOIN ChatMessageFts ON ChatMessageFts.rowid = m.id
  WHERE m.transcriptId = @id AND ChatMessageFts MATCH @match
  ORDER BY m.seq DESC LIMIT 1`;

/** A conversation's messages, newest first, as the fields its FTS5 row indexes. */
export const EMAIL_TEXTS_SQL = `
  SELECT subject, textBody FROM EmailMessage WHERE threadId = @id ORDER BY sentAt DESC, id DESC LIMIT @max`;

export const CHAT_TEXTS_SQL = `
  SELECT text FROM ChatMessage WHERE transcriptId = @id ORDER BY seq DESC LIMIT @max`;
