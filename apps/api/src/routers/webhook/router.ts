import { replayTawkWebhookEvent } from '@keydesk/conversations';
import { findWebhookEvents, replayWebhookEvent } from '@keydesk/ingestion';
import { createRouter, ownerProcedure } from '../../trpc.ts';
import { ZIdInput } from '../id.schemas.ts';
import { ZWebhookFindInput, ZWebhookFindOutput, ZWebhookReplayOutput } from './webhook.schemas.ts';

export const webhookRouter = createRouter({
  find: ownerProcedure
    .input(ZWebhookFindInput)
    .output(ZWebhookFindOutput)
    .query(({ ctx, input }) => findWebhookEvents({ db: ctx.db, ...input })),
  replay: ownerProcedure
    .input(ZIdInput)
    .output(ZWebhookReplayOutput)
    .mutation(({ ctx, input }) => {
      const options = { db: ctx.db, now: ctx.now(), id: input.id };
      // tawk.to rows replay through the conversations domain, the resellers' through ingestion.
      return replayTawkWebhookEvent(options) ?? replayWebhookEvent(options);
    }),
});
