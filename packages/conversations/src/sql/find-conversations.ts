// Statements of conversation.find (see ../find-conversations.ts): chats and email threads
// together, newest first. Each branch walks its lastMessageAt index newest first and stops at the
// page size; the cursor (at, kind, id) is applied inside both so neither reads rows the page will
// not show.
import { type Sql, sql } from '@keydesk/db';

export type FindKind = 'chat' | 'email';
export type FindFilters = {
  from: number | null;
  to: number | null;
  linked: 'all' | 'linked' | 'unlinked';
  hasAttachments: boolean;
  /** Only conversations waiting for the owner's reply. */
  onlyAwaitingReply: boolean;
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

function branchWhere(kind: FindKind, alias: string, f: FindFilters): string {
  const parts: string[] = [];
  if (f.from !== null) parts.push(`${alias}.lastMessageAt >= @from`);
  if (f.to !== null) parts.push(`${alias}.lastMessageAt < @to`);
  if (f.linked === 'linked') parts.push(`${alias}.customerId IS NOT NULL`);
  if (f.linked === 'unlinked') parts.push(`${alias}.customerId IS NULL`);
  if (f.hasAttachments) parts.push(`${alias}.hasAttachments = 1`);
  if (f.onlyAwaitingReply) parts.push(`${alias}.isAwaitingReply = 1`);
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

function findConversationsText(f: FindFilters, kinds: FindKind[]): string {
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

export type FindParams = {
  limit: number;
  from?: number;
  to?: number;
  match?: string;
  cursorAt?: number;
  cursorId?: number;
};

// The text depends only on which filters are set, so there are a few dozen texts at most: each is
// declared once and reused, like any other statement.
const findStatements = new Map<string, Sql<FindRow, FindParams>>();

/** The statement for these filters (which parts of the WHERE clause exist) and kinds. */
export function findConversationsStatement(f: FindFilters, kinds: FindKind[]): Sql<FindRow, FindParams> {
  const text = findConversationsText(f, kinds);
  let found = findStatements.get(text);
  if (!found) {
    found = sql<FindRow, FindParams>(text);
    findStatements.set(text, found);
  }
  return found;
}

// \u0002 and \u0003 mark hits: they never occur in stored text, so the UI can split on them safely.
// The thread's own messages drive the loop (CROSS JOIN fixes the order) and each is checked with
// rowid = ? AND MATCH, a point lookup: matching the term across all mail first would cost as much
// as the whole index holds for a common word, once per result.
export const emailHit = sql<{ snippet: string }, { id: number; match: string }>(
  `SELECT snippet(EmailMessageFts, -1, char(2), char(3), '…', 16) AS snippet
   FROM EmailMessage m CROSS JOIN EmailMessageFts ON EmailMessageFts.rowid = m.id
   WHERE m.threadId = @id AND EmailMessageFts MATCH @match
   ORDER BY m.sentAt DESC LIMIT 1`,
);

export const chatHit = sql<{ snippet: string }, { id: number; match: string }>(
  `SELECT snippet(ChatMessageFts, 0, char(2), char(3), '…', 16) AS snippet
   FROM ChatMessage m CROSS JOIN ChatMessageFts ON ChatMessageFts.rowid = m.id
   WHERE m.transcriptId = @id AND ChatMessageFts MATCH @match
   ORDER BY m.seq DESC LIMIT 1`,
);

/** A thread's messages, newest first, as the fields its FTS5 row indexes. */
export const emailTexts = sql<
  { subject: string | null; textBody: string | null },
  { id: number; max: number }
>('SELECT subject, textBody FROM EmailMessage WHERE threadId = @id ORDER BY sentAt DESC, id DESC LIMIT @max');

/** A chat's messages, newest first, as the field its FTS5 row indexes. */
export const chatTexts = sql<{ text: string | null }, { id: number; max: number }>(
  'SELECT text FROM ChatMessage WHERE transcriptId = @id ORDER BY seq DESC LIMIT @max',
);
