// conversation.find: chats and email threads together, newest first, filtered, optionally
// full-text searched, with the best-matching passage of each as highlighted segments.
import type { Db } from '@keydesk/db';
import {
  CHAT_HIT_SQL,
  COMMON_MATCH_PROBE_SQL,
  EMAIL_HIT_SQL,
  type FindFilters,
  type FindRow,
  findConversationsSql,
} from './sql.ts';

export type FindConversationsInput = {
  kind: 'all' | 'chat' | 'email';
  from?: Date | null;
  to?: Date | null;
  linked: 'all' | 'linked' | 'unlinked';
  hasAttachments: boolean;
  search?: string | null;
  cursor?: string | null;
  limit: number;
};

export type SnippetSegment = { text: string; hit: boolean };

export type ConversationSummary = {
  kind: 'chat' | 'email';
  id: number;
  lastMessageAt: Date;
  title: string;
  snippet: SnippetSegment[];
  customer: { id: number; name: string } | null;
  contact: string | null;
  messageCount: number;
  hasAttachments: boolean;
  isAwaitingReply: boolean;
};

export type FindConversationsResult = { items: ConversationSummary[]; nextCursor: string | null };

/** User words → an FTS5 query of quoted terms (AND), the last one a prefix. Null when no words. */
export function toFtsQuery(search: string): string | null {
  const terms = search.match(/[\p{L}\p{N}_]+/gu) ?? [];
  if (terms.length === 0) return null;
  return terms.map((t, i) => `"${t}"${i === terms.length - 1 ? '*' : ''}`).join(' ');
}

export function encodeCursor(row: { at: number; kind: 'chat' | 'email'; id: number }): string {
  return `${row.at}.${row.kind}.${row.id}`;
}

export function decodeCursor(cursor: string): FindFilters['cursor'] {
  const match = /^(\d+)\.(chat|email)\.(\d+)$/.exec(cursor);
  if (!match) return null;
  return { at: Number(match[1]), kind: match[2] as 'chat' | 'email', id: Number(match[3]) };
}

// Above this many matching messages, scanning conversations newest-first beats building the set.
const COMMON_MATCH_THRESHOLD = 2_000;

function isCommonTerm(db: Db, match: string): boolean {
  const row = db.sqlite
    .prepare(COMMON_MATCH_PROBE_SQL)
    .safeIntegers(false)
    .get({ match, cap: COMMON_MATCH_THRESHOLD }) as { n: number };
  return row.n >= COMMON_MATCH_THRESHOLD;
}

export function findConversations(db: Db, input: FindConversationsInput): FindConversationsResult {
  const match = input.search ? toFtsQuery(input.search) : null;
  if (input.search && !match) return { items: [], nextCursor: null };
  const filters: FindFilters = {
    from: input.from?.getTime() ?? null,
    to: input.to?.getTime() ?? null,
    linked: input.linked,
    hasAttachments: input.hasAttachments,
    match,
    isCommonMatch: match !== null && isCommonTerm(db, match),
    cursor: input.cursor ? decodeCursor(input.cursor) : null,
    limit: input.limit + 1,
  };
  const kinds: ('chat' | 'email')[] = input.kind === 'all' ? ['chat', 'email'] : [input.kind];
  const params: Record<string, string | number> = { limit: filters.limit };
  if (filters.from !== null) params.from = filters.from;
  if (filters.to !== null) params.to = filters.to;
  if (match !== null) params.match = match;
  if (filters.cursor) {
    params.cursorAt = filters.cursor.at;
    if (filters.cursor.kind === 'chat' && kinds.includes('chat')) params.cursorId = filters.cursor.id;
    if (filters.cursor.kind === 'email' && kinds.includes('email')) params.cursorId = filters.cursor.id;
  }
  const rows = db.sqlite
    .prepare(findConversationsSql(filters, kinds))
    .safeIntegers(false)
    .all(params) as FindRow[];
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > input.limit && last ? encodeCursor(last) : null;
  const emailHit = match ? db.sqlite.prepare(EMAIL_HIT_SQL).safeIntegers(false) : null;
  const chatHit = match ? db.sqlite.prepare(CHAT_HIT_SQL).safeIntegers(false) : null;
  return {
    items: page.map((row) => {
      const hit = match
        ? ((row.kind === 'email' ? emailHit : chatHit)?.get({ match, id: row.id }) as
            | { snippet: string }
            | undefined)
        : undefined;
      return {
        kind: row.kind,
        id: row.id,
        lastMessageAt: new Date(row.at),
        title: row.title,
        snippet: toSegments(hit?.snippet ?? row.snippet ?? ''),
        customer: row.customerId !== null ? { id: row.customerId, name: row.customerName ?? '' } : null,
        contact: row.contact,
        messageCount: row.messageCount,
        hasAttachments: row.hasAttachments === 1,
        isAwaitingReply: row.isAwaitingReply === 1,
      };
    }),
    nextCursor,
  };
}

/** `a\u0002b\u0003c` → [a, b (hit), c]: the UI renders hits as <mark> without any HTML parsing. */
export function toSegments(snippet: string): SnippetSegment[] {
  const segments: SnippetSegment[] = [];
  for (const part of snippet.replace(/\s+/g, ' ').split('\u0002')) {
    const [hit, rest] = part.includes('\u0003') ? part.split('\u0003', 2) : [null, part];
    if (hit) segments.push({ text: hit, hit: true });
    if (rest) segments.push({ text: rest, hit: false });
  }
  return segments;
}
