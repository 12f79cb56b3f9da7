import { listCredentials, setCredential } from '@keydesk/settings';
import { z } from 'zod';
import { createRouter, ownerProcedure } from '../../trpc.ts';
import { ZSecretsClearInput, ZSecretsFindOutput, ZSecretsSetInput } from './secrets.schemas.ts';

const ZOk = z.object({ ok: z.literal(true) });

/** Credentials entered in Settings; stored AEAD-encrypted, shown only as set or not set. */
export const secretsRouter = createRouter({
  find: ownerProcedure
    .input(z.void())
    .output(ZSecretsFindOutput)
    .query(({ ctx }) => listCredentials({ settings: ctx.settings })),

  set: ownerProcedure
    .input(ZSecretsSetInput)
    .output(ZOk)
    .mutation(({ ctx, input }) => {
      setCredential({
        db: ctx.db,
        settings: ctx.settings,
        key: input.key,
        value: input.value,
        now: ctx.now(),
        ip: ctx.request.ip,
      });
      return { ok: true as const };
    }),

  clear: ownerProcedure
    .input(ZSecretsClearInput)
    .output(ZOk)
    .mutation(({ ctx, input }) => {
      setCredential({
        db: ctx.db,
        settings: ctx.settings,
        key: input.key,
        value: null,
        now: ctx.now(),
        ip: ctx.request.ip,
      });
      return { ok: true as const };
    }),
});
