// Stores one chat transcript, idempotent on the tawk.to chat id: a later, longer transcript of the
// same chat replaces the messages; a repeat changes nothing. Synchronous: run it in a transaction.
import type { Db } from '@keydesk/db';
import type { ParsedChat } from './parse-tawk.ts';
import {
  chatByExternalId,
  deleteChatMessages,
  insertChat,
  insertChatMessage,
  updateChat,
} from './sql/chats.ts';
import { customerIdByEmail } from './sql/linking.ts';
import { makeSnippet } from './store-emails.ts';

export type StoreChatResult = 'created' | 'updated' | 'unchanged';

export function storeChat(
  db: Db,
  chat: ParsedChat,
  options: { source: 'tawk' | 'import'; now: Date },
): StoreChatResult {
  const existing = chatByExternalId.get(db, { externalId: chat.externalId });
  const messages = [...chat.messages].sort((a, b) => a.sentAt.getTime() - b.sentAt.getTime());
  const last = messages.at(-1);
  const customer = chat.visitorEmail ? customerIdByEmail.get(db, { email: chat.visitorEmail }) : undefined;
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
    transcriptId = insertChat.run(db, {
      ...summary,
      source: options.source,
      externalId: chat.externalId,
      messageCount: messages.length,
      createdAt: options.now.getTime(),
    }).lastInsertRowid;
    result = 'created';
  } else {
    transcriptId = existing.id;
    const replaceMessages = messages.length > existing.messageCount;
    if (!replaceMessages && chat.endedAt === null) return 'unchanged';
    if (replaceMessages) deleteChatMessages.run(db, { transcriptId });
    const kept = replaceMessages ? messages.length : existing.messageCount;
    updateChat.run(db, {
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
    insertChatMessage.run(db, {
      transcriptId,
      seq,
      senderType: m.senderType,
      senderName: m.senderName,
      sentAt: m.sentAt.getTime(),
      text: m.text,
    });
  });
  return result;
}
