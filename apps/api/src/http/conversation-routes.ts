// Plain HTTP routes of the conversations domain: the tawk.to webhook and attachment downloads.
import { getAttachmentContent, handleTawkWebhook, refuseTawkWebhook } from '@keydesk/conversations';
import { createContext } from '../context.ts';
import { BodyTooLargeError, type HttpRoute, readBody, sendJson, sendText } from './http-route.ts';
import { clientIp } from './request-info.ts';
import { getWebhookSecret } from './webhook-secrets.ts';

const MAX_TAWK_BODY_BYTES = 5 * 1024 * 1024;

export const conversationRoutes: HttpRoute[] = [
  {
    method: 'POST',
    path: '/hooks/tawk',
    async handle(req, res, services) {
      const ip = clientIp(req, services.trustProxy);
      let rawBody: Buffer;
      try {
        rawBody = await readBody(req, MAX_TAWK_BODY_BYTES);
      } catch (error) {
        if (!(error instanceof BodyTooLargeError)) throw error;
        refuseTawkWebhook({ db: services.db, now: services.now(), ip }, 'body too large');
        return sendJson(res, 413, { ok: false, result: 'too large' });
      }
      const header = (name: string) => {
        const value = req.headers[name];
        return typeof value === 'string' ? value : null;
      };
      try {
        const result = handleTawkWebhook({
          db: services.db,
          now: services.now(),
          rawBody,
          signature: header('x-tawk-signature'),
          eventId: header('x-hook-event-id'),
          secret: getWebhookSecret(services, 'tawk.webhookSecret'),
          ip,
        });
        sendJson(res, result.status, result.body);
      } catch (error) {
        // Only a database that cannot take even the small record gets here: 503 makes tawk.to retry.
        services.logger.error('tawk.to webhook failed', { error: (error as Error).message });
        sendJson(res, 503, { ok: false, result: 'temporarily unavailable' });
      }
    },
  },
  {
    // GET /attachments/<id>: the owner's session is required, as for tRPC.
    method: 'GET',
    path: '/attachments/',
    async handle(req, res, services) {
      const ctx = await createContext(services, req, res);
      if (!ctx.session) return sendText(res, 401, 'Sign in to continue.');
      const id = Number(
        /^\/attachments\/(\d{1,12})$/.exec(new URL(req.url ?? '/', 'http://x').pathname)?.[1],
      );
      if (!Number.isSafeInteger(id) || id <= 0) return sendText(res, 404, 'Not found.');
      const attachment = await getAttachmentContent(services.db, id);
      if (!attachment) return sendText(res, 404, 'Not found.');
      if (!attachment.content)
        return sendText(res, 410, 'This attachment was larger than the stored size limit.');
      const name = (attachment.filename ?? `attachment-${id}`).replace(/[\r\n"\\]/g, '_');
      const ascii = name.replace(/[^\x20-\x7e]/g, '_');
      res.statusCode = 200;
      res.setHeader('Content-Type', attachment.contentType || 'application/octet-stream');
      res.setHeader('Content-Length', attachment.content.length);
      res.setHeader(
        'Content-Disposition',
        `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      );
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Content-Security-Policy', "sandbox; default-src 'none'");
      res.setHeader('Cache-Control', 'private, no-store');
      res.end(Buffer.from(attachment.content));
    },
  },
];
