// Statements that store chat transcripts (see ../store-chat.ts): one ChatTranscript per tawk.to
// chat id, its summary, and its messages in order.
import { sql } from '@keydesk/db';

type ChatSummary = {
  visitorName: string | null;
  visitorEmail: string | null;
  visitorCountry: string | null;
  startedAt: number;
  endedAt: number | null;
  lastMessageAt: number;
  isAwaitingReply: number | null;
  snippet: string | null;
  customerId: number | null;
  messageCount: number;
};

export const chatByExternalId = sql<{ id: number; messageCount: number }, { externalId: string }>(
  'SELECT id, messageCount FROM ChatTranscript WHERE externalId = @externalId',
);

export const insertChat = sql<
  never,
  ChatSummary & { source: string; externalId: string; isAwaitingReply: number; createdAt: number }
>(
  `INSERT INTO ChatTranscript (source, externalId, customerId, visitorName, visitorEmail, visitorCountry,
     startedAt, endedAt, lastMessageAt, messageCount, isAwaitingReply, snippet, createdAt)
   VALUES (@source, @externalId, @customerId, @visitorName, @visitorEmail, @visitorCountry,
     @startedAt, @endedAt, @lastMessageAt, @messageCount, @isAwaitingReply, @snippet, @createdAt)`,
);

/** Null fields keep what is stored: a later, shorter transcript does not blank a longer one's. */
export const updateChat = sql<never, ChatSummary & { id: number }>(
  `UPDATE ChatTranscript SET
     visitorName = COALESCE(@visitorName, visitorName), visitorEmail = COALESCE(@visitorEmail, visitorEmail),
     visitorCountry = COALESCE(@visitorCountry, visitorCountry), startedAt = MIN(startedAt, @startedAt),
     endedAt = COALESCE(@endedAt, endedAt), lastMessageAt = MAX(lastMessageAt, @lastMessageAt),
     messageCount = @messageCount, isAwaitingReply = COALESCE(@isAwaitingReply, isAwaitingReply),
     snippet = COALESCE(@snippet, snippet),
     customerId = COALESCE(customerId, @customerId)
   WHERE id = @id`,
);

export const deleteChatMessages = sql<never, { transcriptId: number }>(
  'DELETE FROM ChatMessage WHERE transcriptId = @transcriptId',
);

export const insertChatMessage = sql<
  never,
  {
    transcriptId: number;
    seq: number;
    senderType: string;
    senderName: string | null;
    sentAt: number;
    text: string;
  }
>(
  `INSERT INTO ChatMessage (transcriptId, seq, senderType, senderName, sentAt, text)
   VALUES (@transcriptId, @seq, @senderType, @senderName, @sentAt, @text)`,
);
