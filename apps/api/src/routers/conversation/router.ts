import {
  createCustomerFromConversation,
  findConversations,
  findCustomersForLinking,
  getChat,
  getThread,
  importChats,
  linkConversation,
  mailboxSyncStates,
  setAwaitingReply,
  syncConfiguredMailbox,
} from '@keydesk/conversations';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import type { Context } from '../../context.ts';
import { createRouter, ownerProcedure } from '../../trpc.ts';
import { ZIdInput } from '../id.schemas.ts';
import {
  ZChatOutput,
  ZConversationFindInput,
  ZConversationFindOutput,
  ZCreateCustomerInput,
  ZCreateCustomerOutput,
  ZCustomerLookupInput,
  ZCustomerLookupOutput,
  ZImportChatsInput,
  ZImportChatsOutput,
  ZLinkInput,
  ZMailboxStatusOutput,
  ZSetAwaitingReplyInput,
  ZSyncOutput,
  ZThreadOutput,
} from './conversation.schemas.ts';

function notFound<T>(value: T | null): T {
  if (value === null) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such conversation.' });
  return value;
}

function ownAddresses(ctx: Context): Set<string> {
  const user = ctx.settings.get('imap.user');
  return new Set(user ? [user.toLowerCase()] : []);
}

export const conversationRouter = createRouter({
  find: ownerProcedure
    .input(ZConversationFindInput)
    .output(ZConversationFindOutput)
    .query(({ ctx, input }) => findConversations(ctx.db, input)),
  getChat: ownerProcedure
    .input(ZIdInput)
    .output(ZChatOutput)
    .query(async ({ ctx, input }) => notFound(await getChat(ctx.db, input.id))),
  getThread: ownerProcedure
    .input(ZIdInput)
    .output(ZThreadOutput)
    .query(async ({ ctx, input }) => notFound(await getThread(ctx.db, input.id))),
  link: ownerProcedure
    .input(ZLinkInput)
    .output(z.void())
    .mutation(({ ctx, input }) => {
      linkConversation(ctx.db, { ...input, now: ctx.now() });
    }),
  /** Done (nothing to answer) or reopened: what the Overview's "waiting for you" counts. */
  setAwaitingReply: ownerProcedure
    .input(ZSetAwaitingReplyInput)
    .output(z.void())
    .mutation(({ ctx, input }) => {
      setAwaitingReply(ctx.db, { ...input, now: ctx.now() });
    }),
  createCustomerFromConversation: ownerProcedure
    .input(ZCreateCustomerInput)
    .output(ZCreateCustomerOutput)
    .mutation(({ ctx, input }) =>
      createCustomerFromConversation(ctx.db, { ...input, ownAddresses: ownAddresses(ctx), now: ctx.now() }),
    ),
  customerLookup: ownerProcedure
    .input(ZCustomerLookupInput)
    .output(ZCustomerLookupOutput)
    .query(({ ctx, input }) => findCustomersForLinking(ctx.db, input.search, input.limit)),
  importChats: ownerProcedure
    .input(ZImportChatsInput)
    .output(ZImportChatsOutput)
    .mutation(({ ctx, input }) =>
      importChats({
        db: ctx.db,
        content: Buffer.from(input.content, 'utf8'),
        source: `upload:${input.fileName}`,
        now: ctx.now,
      }),
    ),
  syncMailbox: ownerProcedure
    .input(z.void())
    .output(ZSyncOutput)
    .mutation(({ ctx }) => syncConfiguredMailbox({ db: ctx.db, settings: ctx.settings, now: ctx.now })),
  mailboxStatus: ownerProcedure
    .input(z.void())
    .output(ZMailboxStatusOutput)
    .query(async ({ ctx }) => ({
      configured: Boolean(
        ctx.settings.get('imap.host') &&
          ctx.settings.get('imap.user') &&
          ctx.settings.isSecretSet('imap.password'),
      ),
      folders: await mailboxSyncStates(ctx.db),
    })),
});
