import type { AppServices } from '../context.ts';

export type WebhookSecretName =
  | 'paypro.validationKey'
  | 'paypro.secretKey'
  | 'avangate.secretKey'
  | 'newsletter.secret'
  | 'tawk.webhookSecret';

/**
 * The secret saved in Settings, else the environment's fallback (read once at start, env.ts), else
 * null. Settings are read per request on purpose: the owner changes these secrets in Settings
 * while the server runs, and the next notification must be checked against the new one.
 */
export function getWebhookSecret(services: AppServices, name: WebhookSecretName): string | null {
  return services.settings.getSecret(name) ?? services.webhookSecretFallbacks?.[name] ?? null;
}
