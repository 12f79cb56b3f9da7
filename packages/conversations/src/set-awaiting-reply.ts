// The owner marks a conversation done (nothing left to answer) or reopens it. A later message
// from the customer makes it wait for a reply again, as storing any message does.
import { recordAudit } from '@keydesk/audit';
import { type Db, NotFoundError } from '@keydesk/db';
import type { ConversationKind } from './link-customer.ts';
import { setChatAwaitingReply, setThreadAwaitingReply } from './sql/status.ts';

export function setAwaitingReply(
  db: Db,
  input: { kind: ConversationKind; id: number; isAwaitingReply: boolean; now: Date },
): void {
  db.sqlite.transaction(() => {
    const statement = input.kind === 'chat' ? setChatAwaitingReply : setThreadAwaitingReply;
    const changed = statement.run(db, { id: input.id, isAwaitingReply: input.isAwaitingReply ? 1 : 0 });
    if (changed.changes === 0) throw new NotFoundError('conversation', 'No such conversation.');
    recordAudit(
      db,
      {
        action: input.isAwaitingReply ? 'conversation.reopen' : 'conversation.done',
        actor: 'owner',
        targetType: input.kind === 'chat' ? 'ChatTranscript' : 'EmailThread',
        targetId: input.id,
      },
      input.now,
    );
  })();
}
