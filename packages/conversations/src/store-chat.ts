// Stores one chat transcript, idempotent on the tawk.to chat id: a later, longer transcript of the
// same chat replaces the messages; a repeat changes nothing. Synchronous: run it in a transaction.
import type { Db } from '@keydesk/db';
import type { ParsedChat } from './parse-tawk.ts';
import { statements } from './sql.ts';
import { makeSnippet } from './store-emails.ts';

export type StoreChatResult = 'created' | 'updated' | 'unchanged';

export function storeChat(
  db: Db,
  chat: ParsedChat,
  options: { source: 'tawk' | 'import'; now: Date },
): StoreChatResult {
  const s = statements(db.sqlite);
  const existing = s.chatByExternalId.get(chat.externalId) as
    | { id: number; messageCount: number }
    | undefined;
  const messages = [...chat.messages].sort((a, b) => a.sentAt.getTime() - b.sentAt.getTime());
  const last = messages.at(-1);
  const customer = chat.visitorEmail
    ? (s.customerByEmail.get(chat.visitorEmail) as { customerId: number } | undefined)
    : undefined;
  const summary = {
    visitorName: chat.visitorName,
    visitorEmail: chat.visitorEmail,
    visitorCountry: chat.visitorCountry,
    startedAt: chat.startedAt.getTime(),
    endedAt: chat.endedAt?.getTime() ?? null,
    lastMessageAt: (last?.sentAt ?? chat.endedAt ?? chat.startedAt).getTime(),
    isAwaitingReply: last?.senderType === 'visitor' ? 1 : 0,
    snippet: makeSnippet(last?.text ?? ''),
    customerId: customer?.customerId ?? null,
  };
  let transcriptId: number;
  let result: StoreChatResult;
  if (!existing) {
    transcriptId = Number(
      s.insertChat.run({
        ...summary,
        source: options.source,
        externalId: chat.externalId,
        messageCount: messages.length,
        createdAt: options.now.getTime(),
      }).lastInsertRowid,
    );
    result = 'created';
  } else {
    transcriptId = existing.id;
    const replaceMessages = messages.length > existing.messageCount;
    if (!replaceMessages && chat.endedAt === null) return 'unchanged';
    if (replaceMessages) s.deleteChatMessages.run(transcriptId);
    const kept = replaceMessages ? messages.length : existing.messageCount;
    s.updateChat.run({
      ...summary,
      id: transcriptId,
      messageCount: kept,
      // With the old messages kept, so are their summary fields.
      ...(replaceMessages ? {} : { isAwaitingReply: null, snippet: null }),
    });
    if (!replaceMessages) return 'updated';
    result = 'updated';
  }
  messages.forEach((m, seq) => {
    s.insertChatMessage.run(transcriptId, seq, m.senderType, m.senderName, m.sentAt.getTime(), m.text);
  });
  return result;
}
