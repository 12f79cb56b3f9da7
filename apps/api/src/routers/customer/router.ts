import {
  addCustomerNote,
  deleteCustomerNote,
  getCustomer,
  readUpgradeRule,
  updateCustomerNote,
} from '@keydesk/customers';
import { findCustomers } from '@keydesk/search';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { createRouter, ownerProcedure } from '../../trpc.ts';
import { ZIdInput } from '../id.schemas.ts';
import {
  ZCustomerAddNoteInput,
  ZCustomerDeleteNoteInput,
  ZCustomerFindInput,
  ZCustomerFindOutput,
  ZCustomerGetOutput,
  ZCustomerNoteOutput,
  ZCustomerUpdateNoteInput,
} from './customer.schemas.ts';

const notFound = (what: string) => new TRPCError({ code: 'NOT_FOUND', message: `${what} does not exist.` });

export const customerRouter = createRouter({
  find: ownerProcedure
    .input(ZCustomerFindInput)
    .output(ZCustomerFindOutput)
    .query(({ ctx, input }) =>
      findCustomers({ db: ctx.db, query: input.query, limit: input.limit, cursor: input.cursor ?? null }),
    ),

  get: ownerProcedure
    .input(ZIdInput)
    .output(ZCustomerGetOutput)
    .query(async ({ ctx, input }) => {
      const story = await getCustomer({
        db: ctx.db,
        customerId: input.id,
        rule: readUpgradeRule(ctx.settings),
        now: ctx.now(),
      });
      if (!story) throw notFound('This customer');
      return story;
    }),

  addNote: ownerProcedure
    .input(ZCustomerAddNoteInput)
    .output(ZCustomerNoteOutput)
    .mutation(({ ctx, input }) =>
      addCustomerNote({ db: ctx.db, customerId: input.customerId, body: input.body, now: ctx.now() }),
    ),

  updateNote: ownerProcedure
    .input(ZCustomerUpdateNoteInput)
    .output(ZCustomerNoteOutput)
    .mutation(({ ctx, input }) => {
      const note = updateCustomerNote({ db: ctx.db, noteId: input.noteId, body: input.body, now: ctx.now() });
      if (!note) throw notFound('This note');
      return note;
    }),

  deleteNote: ownerProcedure
    .input(ZCustomerDeleteNoteInput)
    .output(z.object({ isDeleted: z.literal(true) }))
    .mutation(({ ctx, input }) => {
      if (!deleteCustomerNote({ db: ctx.db, noteId: input.noteId, now: ctx.now() }))
        throw notFound('This note');
      return { isDeleted: true as const };
    }),
});
