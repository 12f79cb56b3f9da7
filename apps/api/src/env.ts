// The one place in the API that reads process.env (Biome's noProcessEnv holds the rest to it). The
// server and each CLI read it once at start and pass what they need on as arguments.
import path from 'node:path';
import { z } from 'zod';
import type { WebhookSecretName } from './http/webhook-secrets.ts';

const ZBoolString = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z.string().min(1).default('file:./data/keydesk.db'),
  KEYDESK_SECRET_KEY: z.string().optional(),
  KEYDESK_SECRET_KEY_FILE: z.string().optional(),
  TRUST_PROXY: ZBoolString.default(false),
  PUBLIC_URL: z.url().optional(),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().optional(),
  /** Fallback when the tawk.to webhook secret is not set in Settings. */
  TAWK_WEBHOOK_SECRET: z.string().min(1).optional(),
  WEB_DIST: z.string().optional(),
  // Webhook secrets; the ones saved in Settings win over these.
  PAYPRO_VALIDATION_KEY: z.string().min(1).optional(),
  PAYPRO_SECRET_KEY: z.string().min(1).optional(),
  AVANGATE_SECRET_KEY: z.string().min(1).optional(),
  NEWSLETTER_WEBHOOK_SECRET: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
});

export type TEnv = z.infer<typeof ZEnv>;

export class ConfigError extends Error {}

export function readEnv(source: NodeJS.ProcessEnv = process.env): TEnv {
  const result = ZEnv.safeParse(source);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = issue?.path.join('.') ?? 'environment';
    throw new ConfigError(
      `The environment variable ${name} is invalid: ${issue?.message ?? 'unknown problem'}.`,
    );
  }
  return result.data;
}

/** The environment's webhook secrets by settings name; a secret saved in Settings wins over these. */
export function webhookSecretFallbacks(env: TEnv): Record<WebhookSecretName, string | undefined> {
  return {
    'paypro.validationKey': env.PAYPRO_VALIDATION_KEY,
    'paypro.secretKey': env.PAYPRO_SECRET_KEY,
    'avangate.secretKey': env.AVANGATE_SECRET_KEY,
    'newsletter.secret': env.NEWSLETTER_WEBHOOK_SECRET,
    'tawk.webhookSecret': env.TAWK_WEBHOOK_SECRET,
  };
}

export function repoRoot(): string {
  return path.resolve(import.meta.dirname, '../../..');
}
