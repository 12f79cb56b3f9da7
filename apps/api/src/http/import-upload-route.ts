// POST /imports/upload?kind=orders&reseller=paypro — the owner's browser streams a CSV file here
// (a plain route, not tRPC: tRPC would hold a file of millions of rows in memory). The import runs
// in the background; the answer names its ImportRun, which the UI polls through importRun.get.
import { randomUUID } from 'node:crypto';
import { createWriteStream, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createNewsletterCsvKind, createOrderCsvKind, runCsvImport } from '@keydesk/ingestion';
import { createContext } from '../context.ts';
import { type HttpRoute, sendJson } from './http-route.ts';
import { isSameOriginRequest } from './origin-check.ts';
import { isSecureRequest } from './request-info.ts';

const MAX_UPLOAD_BYTES = 4 * 1024 * 1024 * 1024;

type ImportStarter = (options: Omit<Parameters<typeof runCsvImport>[0], 'kind'>) => Promise<unknown>;

function importerFor(url: URL): ImportStarter | null {
  const kind = url.searchParams.get('kind');
  const reseller = url.searchParams.get('reseller');
  if (kind === 'orders' && (reseller === 'paypro' || reseller === 'avangate'))
    return (options) => runCsvImport({ ...options, kind: createOrderCsvKind(reseller) });
  if (kind === 'newsletter')
    return (options) => runCsvImport({ ...options, kind: createNewsletterCsvKind() });
  return null;
}

export const importUploadRoute: HttpRoute = {
  method: 'POST',
  path: '/imports/upload',
  // Without a session the handler answers 401; the server refuses a large body before that.
  ownerMaxBodyBytes: MAX_UPLOAD_BYTES,
  async handle(req, res, services) {
    // Refusals answer before the upload is read: discard the body so the client sees the answer.
    const refuse = (status: number, error: string) => {
      req.resume();
      sendJson(res, status, { error });
    };
    const isSecure = isSecureRequest(req, services.trustProxy);
    if (!isSameOriginRequest(req, { isSecure, trustProxy: services.trustProxy })) {
      refuse(403, 'Cross-origin request refused.');
      return;
    }
    const context = await createContext(services, req, res);
    if (!context.session) {
      refuse(401, 'Sign in to continue.');
      return;
    }
    const runImport = importerFor(new URL(req.url ?? '/', 'http://keydesk.invalid'));
    if (!runImport) {
      sendJson(res, 400, {
        error: 'Say what the file is: kind=orders&reseller=paypro|avangate, or kind=newsletter.',
      });
      return;
    }
    const file = path.join(tmpdir(), `keydesk-upload-${randomUUID()}.csv`);
    let size = 0;
    const limit = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        done(size > MAX_UPLOAD_BYTES ? new Error('too large') : null, chunk);
      },
    });
    try {
      await pipeline(req, limit, createWriteStream(file));
    } catch {
      rmSync(file, { force: true });
      sendJson(res, 413, { error: 'The upload failed or the file is larger than 4 GB.' });
      return;
    }
    let answered = false;
    runImport({
      db: services.db,
      now: services.now,
      file,
      onStart(runId) {
        answered = true;
        sendJson(res, 202, { importRunId: runId });
      },
    })
      .catch((error: unknown) => {
        services.logger.error('upload import failed', {
          error: error instanceof Error ? error.message : String(error),
        });
        if (!answered) sendJson(res, 400, { error: 'The file could not be imported.' });
      })
      .finally(() => rmSync(file, { force: true }));
  },
};
