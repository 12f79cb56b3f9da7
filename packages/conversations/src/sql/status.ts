// Statements of a conversation's status: whether it waits for the owner's reply. Storing a message
// sets it from the newest message's direction; the owner sets it by hand with these.
import { sql } from '@keydesk/db';

type SetAwaiting = { id: number; isAwaitingReply: number };

export const setThreadAwaitingReply = sql<never, SetAwaiting>(
  'UPDATE EmailThread SET isAwaitingReply = @isAwaitingReply WHERE id = @id',
);

export const setChatAwaitingReply = sql<never, SetAwaiting>(
  'UPDATE ChatTranscript SET isAwaitingReply = @isAwaitingReply WHERE id = @id',
);
