// /hooks/* for the resellers and the newsletter tool: read the body (bounded), hand it to the
// domain function, send its reply. Verification, logging and idempotency live in @keydesk/ingestion.
import type { IncomingMessage } from 'node:http';
import {
  receiveAvangateWebhook,
  receiveNewsletterWebhook,
  receivePayProWebhook,
  recordRejectedWebhook,
  rejectUnconfigured,
  type WebhookReply,
} from '@keydesk/ingestion';
import type { AppServices } from '../context.ts';
import { BodyTooLargeError, type HttpRoute, readBody, sendText } from './http-route.ts';
import { clientIp } from './request-info.ts';
import { getWebhookSecret } from './webhook-secrets.ts';

/** Real notifications are a few kilobytes; anything larger is refused before it fills memory. */
const MAX_WEBHOOK_BODY = 64 * 1024;

type WebhookSource = 'paypro' | 'avangate' | 'newsletter';
type Intake = { db: AppServices['db']; body: string; ip: string | null; now: Date };

function webhookRoute(
  path: string,
  source: WebhookSource,
  receive: (intake: Intake, services: AppServices, req: IncomingMessage) => WebhookReply,
): HttpRoute {
  return {
    method: 'POST',
    path,
    async handle(req, res, services) {
      const ip = clientIp(req, services.trustProxy);
      const now = services.now();
      let body: string;
      let bodyBytes: number | null = null;
      try {
        const raw = await readBody(req, MAX_WEBHOOK_BODY);
        bodyBytes = raw.length;
        body = new TextDecoder('utf-8', { fatal: true }).decode(raw);
      } catch (error) {
        const tooLarge = error instanceof BodyTooLargeError;
        const reason = tooLarge ? 'malformed: body too large' : 'malformed: body is not UTF-8';
        const declared = Number(req.headers['content-length']);
        if (tooLarge) bodyBytes = Number.isSafeInteger(declared) && declared > 0 ? declared : null;
        recordRejectedWebhook(services.db, { source, ip, reason, now, bodyBytes });
        sendText(res, tooLarge ? 413 : 400, `Rejected: ${reason}`);
        return;
      }
      try {
        const reply = receive({ db: services.db, body, ip, now }, services, req);
        sendText(res, reply.status, reply.body, reply.contentType);
      } catch (error) {
        // A fault on our side, not the sender's: kept as failed, answered 503 so the reseller retries.
        const reason = `failed: ${error instanceof Error ? error.message : String(error)}`.slice(0, 500);
        services.logger.error('webhook failed', { source, reason });
        recordRejectedWebhook(services.db, { source, ip, reason, now, bodyBytes, status: 'failed' });
        sendText(res, 503, 'Temporarily unable to process; please retry.');
      }
    },
  };
}

export const webhookRoutes: HttpRoute[] = [
  webhookRoute('/hooks/paypro', 'paypro', (intake, services) => {
    const secrets = {
      validationKey: getWebhookSecret(services, 'paypro.validationKey'),
      secretKey: getWebhookSecret(services, 'paypro.secretKey'),
    };
    if (!secrets.validationKey && !secrets.secretKey)
      return rejectUnconfigured({ ...intake, source: 'paypro' });
    return receivePayProWebhook({ ...intake, secrets });
  }),
  webhookRoute('/hooks/avangate', 'avangate', (intake, services) => {
    const secretKey = getWebhookSecret(services, 'avangate.secretKey');
    if (!secretKey) return rejectUnconfigured({ ...intake, source: 'avangate' });
    return receiveAvangateWebhook({ ...intake, secretKey });
  }),
  webhookRoute('/hooks/newsletter', 'newsletter', (intake, services, req) => {
    const secret = getWebhookSecret(services, 'newsletter.secret');
    if (!secret) return rejectUnconfigured({ ...intake, source: 'newsletter' });
    const header = req.headers['x-keydesk-signature'];
    return receiveNewsletterWebhook({
      ...intake,
      secret,
      signature: typeof header === 'string' ? header : null,
    });
  }),
];
