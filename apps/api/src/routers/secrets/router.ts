import { type CredentialKey, listCredentials, setCredential } from '@keydesk/settings';
import { z } from 'zod';
import type { Context } from '../../context.ts';
import { createRouter, ownerProcedure } from '../../trpc.ts';
import { ZSecretsClearInput, ZSecretsFindOutput, ZSecretsSetInput } from './secrets.schemas.ts';

const ZOk = z.object({ ok: z.literal(true) });

/** Setting and clearing are one write: `null` removes the credential. */
function saveCredential(ctx: Context, key: CredentialKey, value: string | null) {
  setCredential({ db: ctx.db, settings: ctx.settings, key, value, now: ctx.now(), ip: ctx.request.ip });
  return { ok: true as const };
}

/** Credentials entered in Settings; stored AEAD-encrypted, shown only as set or not set. */
export const secretsRouter = createRouter({
  find: ownerProcedure
    .input(z.void())
    .output(ZSecretsFindOutput)
    .query(({ ctx }) => listCredentials({ settings: ctx.settings })),

  set: ownerProcedure
    .input(ZSecretsSetInput)
    .output(ZOk)
    .mutation(({ ctx, input }) => saveCredential(ctx, input.key, input.value)),

  clear: ownerProcedure
    .input(ZSecretsClearInput)
    .output(ZOk)
    .mutation(({ ctx, input }) => saveCredential(ctx, input.key, null)),
});
