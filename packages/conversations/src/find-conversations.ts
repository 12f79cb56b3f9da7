// conversation.find: chats and email threads together, newest first, filtered, optionally
// full-text searched, with the best-matching passage of each as highlighted segments.
import type { Db } from '@keydesk/db';
import { hitSnippet, messageMatches, type SearchTerms, toSearchTerms } from './search-text.ts';
import {
  chatHit,
  chatTexts,
  emailHit,
  emailTexts,
  type FindFilters,
  type FindKind,
  type FindParams,
  type FindRow,
  findConversationsStatement,
} from './sql/find-conversations.ts';

export type FindConversationsInput = {
  kind: 'all' | 'chat' | 'email';
  from?: Date | null;
  to?: Date | null;
  linked: 'all' | 'linked' | 'unlinked';
  hasAttachments: boolean;
  /** Only conversations waiting for the owner's reply. */
  onlyAwaitingReply?: boolean;
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

// The walk checks at most this many messages (a few milliseconds) before the index takes over.
const WALK_MAX_MESSAGES = 600;
const WALK_PAGE = 50;

type HitRow = FindRow & { hit: string | null };

/** The conversation's messages, newest first, as the fields to match. */
function messageTexts(db: Db, row: FindRow, max: number): (string | null)[][] {
  return row.kind === 'email'
    ? emailTexts.all(db, { id: row.id, max }).map((m) => [m.subject, m.textBody])
    : chatTexts.all(db, { id: row.id, max }).map((m) => [m.text]);
}

/**
 * The conversation's newest message holding every term, as a highlighted passage; `undefined`
 * when none of its newest `max` messages does (it may still hold an older one).
 */
function findHit(
  db: Db,
  row: FindRow,
  terms: SearchTerms,
  max: number,
): { matched: boolean; hit: string | null; checked: number } | undefined {
  const messages = messageTexts(db, row, max);
  for (const [i, fields] of messages.entries()) {
    if (!messageMatches(terms, fields)) continue;
    const hit = fields.reduceRight<string | null>(
      (found, f) => found ?? (f ? hitSnippet(terms, f) : null),
      null,
    );
    return { matched: true, hit, checked: i + 1 };
  }
  return messages.length < max ? { matched: false, hit: null, checked: messages.length } : undefined;
}

/**
 * Conversations newest first, each checked in JavaScript, until a page is full: fast for common
 * words, where most conversations match. Null when the page is not full after WALK_MAX_MESSAGES
 * messages: the term is rare, and the index finds its few conversations faster.
 */
function walkNewest(db: Db, filters: FindFilters, kinds: FindKind[], terms: SearchTerms): HitRow[] | null {
  const found: HitRow[] = [];
  let cursor = filters.cursor;
  let checked = 0;
  for (;;) {
    const step: FindFilters = { ...filters, match: null, cursor, limit: WALK_PAGE };
    const page = findConversationsStatement(step, kinds).all(db, queryParams(step, kinds));
    for (const row of page) {
      const result = findHit(db, row, terms, WALK_MAX_MESSAGES - checked);
      if (!result) return null;
      checked += result.checked;
      if (result.matched) found.push({ ...row, hit: result.hit });
      if (found.length >= filters.limit) return found;
      if (checked >= WALK_MAX_MESSAGES) return null;
    }
    const last = page.at(-1);
    if (!last || page.length < WALK_PAGE) return found;
    cursor = { at: last.at, kind: last.kind, id: last.id };
  }
}

function queryParams(filters: FindFilters, kinds: FindKind[]): FindParams {
  const params: FindParams = { limit: filters.limit };
  if (filters.from !== null) params.from = filters.from;
  if (filters.to !== null) params.to = filters.to;
  if (filters.match !== null) params.match = filters.match;
  if (filters.cursor) {
    params.cursorAt = filters.cursor.at;
    if (kinds.includes(filters.cursor.kind)) params.cursorId = filters.cursor.id;
  }
  return params;
}

/** Through the FTS5 index: the set of matching conversations, then their highlighted passages. */
function searchIndex(db: Db, filters: FindFilters, kinds: FindKind[], terms: SearchTerms): HitRow[] {
  const rows = findConversationsStatement(filters, kinds).all(db, queryParams(filters, kinds));
  const match = filters.match;
  return rows.map((row) => {
    const found = findHit(db, row, terms, 200);
    if (found?.hit || match === null) return { ...row, hit: found?.hit ?? null };
    // A very long conversation, or a match the JavaScript rules read differently: ask SQLite.
    const hit = (row.kind === 'email' ? emailHit : chatHit).get(db, { match, id: row.id });
    return { ...row, hit: hit?.snippet ?? null };
  });
}

export function findConversations(db: Db, input: FindConversationsInput): FindConversationsResult {
  const match = input.search ? toFtsQuery(input.search) : null;
  const terms = input.search ? toSearchTerms(input.search) : null;
  if (input.search && (!match || !terms)) return { items: [], nextCursor: null };
  const filters: FindFilters = {
    from: input.from?.getTime() ?? null,
    to: input.to?.getTime() ?? null,
    linked: input.linked,
    hasAttachments: input.hasAttachments,
    onlyAwaitingReply: input.onlyAwaitingReply ?? false,
    match,
    cursor: input.cursor ? decodeCursor(input.cursor) : null,
    limit: input.limit + 1,
  };
  const kinds: FindKind[] = input.kind === 'all' ? ['chat', 'email'] : [input.kind];
  const rows: HitRow[] = terms
    ? (walkNewest(db, filters, kinds, terms) ?? searchIndex(db, filters, kinds, terms))
    : findConversationsStatement(filters, kinds)
        .all(db, queryParams(filters, kinds))
        .map((row) => ({ ...row, hit: null }));
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > input.limit && last ? encodeCursor(last) : null;
  return {
    items: page.map((row) => ({
      kind: row.kind,
      id: row.id,
      lastMessageAt: new Date(row.at),
      title: row.title,
      snippet: toSegments(row.hit ?? row.snippet ?? ''),
      customer: row.customerId !== null ? { id: row.customerId, name: row.customerName ?? '' } : null,
      contact: row.contact,
      messageCount: row.messageCount,
      hasAttachments: row.hasAttachments === 1,
      isAwaitingReply: row.isAwaitingReply === 1,
    })),
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
