import { DomainError } from '@keydesk/db';
import { exportCustomer } from '@keydesk/privacy';
import { createContext } from '../context.ts';
import { HTTP_STATUS_OF_KIND } from '../domain-errors.ts';
import type { HttpRoute } from './http-route.ts';
import { sendText } from './http-route.ts';

const PREFIX = '/api/customers/';
const PATH = /^\/api\/customers\/(\d{1,12})\/export\.zip$/;

export function customerExportPath(customerId: number): string {
  return `${PREFIX}${customerId}/export.zip`;
}

/** GET /api/customers/:id/export.zip: a browser download, so a plain route with the owner's session. */
export const customerExportRoute: HttpRoute = {
  method: 'GET',
  path: PREFIX,
  async handle(req, res, services) {
    const match = PATH.exec(new URL(req.url ?? '/', 'http://keydesk.invalid').pathname);
    if (!match?.[1]) {
      sendText(res, 404, 'Not found.');
      return;
    }
    // The same session check as every tRPC call (cookie, idle and absolute limits).
    const ctx = await createContext(services, req, res);
    if (!ctx.session) {
      sendText(res, 401, 'Sign in to continue.');
      return;
    }
    try {
      const result = await exportCustomer({
        db: services.db,
        customerId: Number(match[1]),
        now: services.now(),
        ip: ctx.request.ip,
      });
      res.statusCode = 200;
      res.setHeader('Content-Type', 'application/zip');
      res.setHeader('Content-Disposition', `attachment; filename="${result.fileName}"`);
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('Content-Length', String(result.zip.length));
      res.end(result.zip);
    } catch (error) {
      if (error instanceof DomainError) sendText(res, HTTP_STATUS_OF_KIND[error.kind], error.message);
      else throw error;
    }
  },
};
