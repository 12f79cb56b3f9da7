import type { AppServices } from '../context.ts';
import { readEnv } from '../env.ts';

export const WEBHOOK_SECRET_ENV = {
  'paypro.validationKey': 'PAYPRO_VALIDATION_KEY',
  'paypro.secretKey': 'PAYPRO_SECRET_KEY',
  'avangate.secretKey': 'AVANGATE_SECRET_KEY',
  'newsletter.secret': 'NEWSLETTER_WEBHOOK_SECRET',
} as const;

export type WebhookSecretName = keyof typeof WEBHOOK_SECRET_ENV;

let envCache: ReturnType<typeof readEnv> | null = null;

/** The secret saved in Settings, else the environment's fallback, else null. */
export function getWebhookSecret(services: AppServices, name: WebhookSecretName): string | null {
  const saved = services.settings.getSecret(name);
  if (saved) return saved;
  envCache ??= readEnv();
  return envCache[WEBHOOK_SECRET_ENV[name]] ?? null;
}
