// Chat transcripts and email threads, most linked to demo customers and some left unlinked,
// so the Conversations page and the "unlinked" view have something real to show.
import type Database from 'better-sqlite3';
import { CHAT_AGENT_LINES, CHAT_VISITOR_LINES, EMAIL_SUBJECTS } from './demo-data.ts';
import { createRng, itemSeed } from './rng.ts';

const DAY_MS = 86_400_000;
const OWNER_ADDRESS = 'support@tessera-software.example';

export type ConversationDemoCounts = {
  chats: number;
  chatMessages: number;
  threads: number;
  emailMessages: number;
};

type CustomerRef = { id: number; name: string; email: string };

export function generateDemoConversations(options: {
  sqlite: Database.Database;
  seed: number;
  count: number;
  now: Date;
}): ConversationDemoCounts {
  const { sqlite, seed, now } = options;
  const counts: ConversationDemoCounts = { chats: 0, chatMessages: 0, threads: 0, emailMessages: 0 };
  const customerAt = sqlite
    .prepare(
      `SELECT c.id AS id, c.name AS name, e.email AS email FROM Customer c JOIN CustomerEmail e ON e.customerId = c.id AND e.isPrimary = 1 WHERE c.id = ?`,
    )
    .safeIntegers(false);
  const maxId = Number(
    sqlite.prepare('SELECT COALESCE(MAX(id), 0) FROM Customer').pluck().safeIntegers(false).get(),
  );
  const insertChat = sqlite.prepare(
    `INSERT OR IGNORE INTO ChatTranscript (source, externalId, customerId, visitorName, visitorEmail, visitorCountry, startedAt, endedAt, lastMessageAt, messageCount, isAwaitingReply, snippet, createdAt)
     VALUES ('tawk', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const finishChat = sqlite.prepare(
    'UPDATE ChatTranscript SET endedAt = ?, lastMessageAt = ?, messageCount = ?, snippet = ? WHERE id = ?',
  );
  const finishThread = sqlite.prepare('UPDATE EmailThread SET lastMessageAt = ?, snippet = ? WHERE id = ?');
  const insertChatMessage = sqlite.prepare(
    'INSERT INTO ChatMessage (transcriptId, seq, senderType, senderName, sentAt, text) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertThread = sqlite.prepare(
    `INSERT OR IGNORE INTO EmailThread (threadKey, subject, customerId, firstMessageAt, lastMessageAt, messageCount, hasAttachments, isAwaitingReply, snippet, createdAt)
     VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?)`,
  );
  const insertParticipant = sqlite.prepare(
    'INSERT OR IGNORE INTO EmailThreadParticipant (threadId, address) VALUES (?, ?)',
  );
  const insertMessage = sqlite.prepare(
    `INSERT OR IGNORE INTO EmailMessage (threadId, messageId, inReplyTo, "references", fromAddress, fromName, toAddresses, subject, sentAt, isInbound, textBody, snippet, source, createdAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'demo', ?)`,
  );

  const writeChat = (i: number) => {
    const rng = createRng(itemSeed(seed ^ 0xc4a7, i));
    const isLinked = rng.chance(0.85) && maxId > 0;
    const customer: CustomerRef | undefined = isLinked
      ? (customerAt.get(rng.int(1, maxId)) as CustomerRef | undefined)
      : undefined;
    const started = now.getTime() - Math.floor(rng.next() ** 2 * 365 * DAY_MS) - rng.int(1, 600) * 60_000;
    const messageTotal = rng.int(2, 7);
    const isAwaitingReply = rng.chance(0.12);
    const visitorName = customer?.name ?? `Visitor ${rng.int(1000, 9999)}`;
    const result = insertChat.run(
      `demo-chat-${seed}-${i}`,
      customer?.id ?? null,
      visitorName,
      customer?.email ?? (rng.chance(0.5) ? `visitor${i}@example.net` : null),
      rng.pick(['US', 'DE', 'FR', 'GB', 'JP']),
      started,
      null,
      started,
      0,
      isAwaitingReply ? 1 : 0,
      null,
      started,
    );
    if (result.changes === 0) return;
    const transcriptId = Number(result.lastInsertRowid);
    let at = started;
    let last = '';
    for (let seq = 0; seq < messageTotal; seq++) {
      const isVisitor = seq % 2 === 0 || (isAwaitingReply && seq === messageTotal - 1);
      last = isVisitor ? rng.pick(CHAT_VISITOR_LINES) : rng.pick(CHAT_AGENT_LINES);
      insertChatMessage.run(
        transcriptId,
        seq,
        isVisitor ? 'visitor' : 'agent',
        isVisitor ? visitorName : 'Support',
        at,
        last,
      );
      at += rng.int(20, 240) * 1000;
      counts.chatMessages++;
    }
    finishChat.run(at, at, messageTotal, last.slice(0, 160), transcriptId);
    counts.chats++;
  };

  const writeThread = (i: number) => {
    const rng = createRng(itemSeed(seed ^ 0xe3a1, i));
    const isLinked = rng.chance(0.85) && maxId > 0;
    const customer: CustomerRef | undefined = isLinked
      ? (customerAt.get(rng.int(1, maxId)) as CustomerRef | undefined)
      : undefined;
    const from = customer?.email ?? `someone${i}@mailbox.example`;
    const fromName = customer?.name ?? 'Unknown sender';
    const subject = rng.pick(EMAIL_SUBJECTS);
    const first = now.getTime() - Math.floor(rng.next() ** 2 * 365 * DAY_MS);
    const messageTotal = rng.int(1, 5);
    const isAwaitingReply = messageTotal % 2 === 1;
    const threadKey = `gmail:${BigInt(seed) * 1_000_000n + BigInt(i)}`;
    const result = insertThread.run(
      threadKey,
      subject,
      customer?.id ?? null,
      first,
      first,
      messageTotal,
      isAwaitingReply ? 1 : 0,
      null,
      first,
    );
    if (result.changes === 0) return;
    const threadId = Number(result.lastInsertRowid);
    insertParticipant.run(threadId, from);
    insertParticipant.run(threadId, OWNER_ADDRESS);
    let at = first;
    let previousId: string | null = null;
    let references = '';
    let snippet = '';
    for (let k = 0; k < messageTotal; k++) {
      const isInbound = k % 2 === 0;
      const messageId = `<demo-${seed}-${i}-${k}@mail.example>`;
      const body = isInbound
        ? `Hello,\n\n${rng.pick(CHAT_VISITOR_LINES)}\n\nBest regards,\n${fromName}`
        : `Hi ${fromName.split(' ')[0]},\n\n${rng.pick(CHAT_AGENT_LINES)}\n\nKind regards,\nTessera Support`;
      snippet = body.replace(/\s+/g, ' ').slice(0, 160);
      insertMessage.run(
        threadId,
        messageId,
        previousId,
        references || null,
        isInbound ? from : OWNER_ADDRESS,
        isInbound ? fromName : 'Tessera Support',
        JSON.stringify([isInbound ? OWNER_ADDRESS : from]),
        k === 0 ? subject : `Re: ${subject}`,
        at,
        isInbound ? 1 : 0,
        body,
        snippet,
        at,
      );
      counts.emailMessages++;
      references = `${references} ${messageId}`.trim();
      previousId = messageId;
      at += rng.int(1, 48) * 3_600_000;
    }
    finishThread.run(at, snippet, threadId);
    counts.threads++;
  };

  sqlite.transaction(() => {
    for (let i = 0; i < options.count; i++) {
      writeChat(i);
      writeThread(i);
    }
  })();
  return counts;
}
