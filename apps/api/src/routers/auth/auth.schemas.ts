import { z } from 'zod';

export const ZEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(200)
  .pipe(z.email({ message: 'Enter a valid email address.' }));

const ZPassword = z.string().min(1).max(256);

export const ZAuthStatusOutput = z.object({
  isSignedIn: z.boolean(),
  needsSetup: z.boolean(),
});

export const ZAuthSetupInput = z.object({
  token: z.string().min(1).max(200),
  email: ZEmail,
  password: ZPassword,
});

export const ZAuthLoginInput = z.object({
  email: z.string().trim().min(1).max(200),
  password: ZPassword,
});

/** Either signed in, or a ticket for the second step (a code from the authenticator app). */
export const ZAuthLoginOutput = z.discriminatedUnion('status', [
  z.object({ status: z.literal('signed_in') }),
  z.object({ status: z.literal('second_factor'), pendingToken: z.string() }),
]);

export const ZAuthLoginSecondFactorInput = z.object({
  pendingToken: z.string().min(1).max(100),
  code: z.string().trim().min(6).max(20),
});

export const ZAuthChangePasswordInput = z.object({
  currentPassword: ZPassword,
  newPassword: ZPassword,
});

export const ZTwoFactorStatusOutput = z.object({
  isEnabled: z.boolean(),
  recoveryCodesLeft: z.number().int(),
});

export const ZTwoFactorBeginOutput = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
  qrDataUrl: z.string().startsWith('data:image/png;base64,'),
});

export const ZTwoFactorConfirmInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'Enter the 6-digit code.'),
});
export const ZTwoFactorConfirmOutput = z.object({ recoveryCodes: z.array(z.string()) });
export const ZTwoFactorDisableInput = z.object({ password: ZPassword });

export const ZSessionHandle = z.string().regex(/^[0-9a-f]{16}$/);

export const ZSessionFindOutput = z.object({
  items: z.array(
    z.object({
      id: ZSessionHandle,
      browser: z.string(),
      ip: z.string().nullable(),
      createdAt: z.date(),
      lastSeenAt: z.date(),
      isCurrent: z.boolean(),
    }),
  ),
});

export const ZSessionRevokeInput = z.object({ id: ZSessionHandle });
export const ZSessionRevokeAllOutput = z.object({ count: z.number().int() });

export const ZEmpty = z.void();
export const ZOk = z.object({ ok: z.literal(true) });
