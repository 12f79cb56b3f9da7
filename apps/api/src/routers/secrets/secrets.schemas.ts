import { CREDENTIAL_KEYS } from '@keydesk/settings';
import { z } from 'zod';

export const ZCredentialKey = z.enum(CREDENTIAL_KEYS);

export const ZSecretsFindOutput = z.array(
  z.object({
    key: ZCredentialKey,
    label: z.string(),
    isSecret: z.boolean(),
    isSet: z.boolean(),
    /** Only for plain settings (the sender address); a secret's value never leaves the server. */
    value: z.string().nullable(),
  }),
);

export const ZSecretsSetInput = z.object({ key: ZCredentialKey, value: z.string().trim().min(1).max(2000) });
export const ZSecretsClearInput = z.object({ key: ZCredentialKey });
