import { z } from 'zod';

export const ZEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(200)
  .pipe(z.email({ message: 'Enter a valid email address.' }));

export const ZAuthStatusOutput = z.object({
  isSignedIn: z.boolean(),
  needsSetup: z.boolean(),
});

export const ZAuthSetupInput = z.object({
  token: z.string().min(1).max(200),
  email: ZEmail,
  password: z.string().min(1).max(256),
});

export const ZAuthLoginInput = z.object({
  email: z.string().trim().min(1).max(200),
  password: z.string().min(1).max(256),
});

export const ZAuthLoginOutput = z.object({ ok: z.literal(true) });
export const ZEmpty = z.void();
export const ZOk = z.object({ ok: z.literal(true) });
