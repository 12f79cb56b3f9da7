import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppServices } from '../context.ts';

/** A plain HTTP endpoint outside tRPC: webhooks, the update-check collector, downloads. */
export type HttpRoute = {
  method: 'GET' | 'POST';
  /** Exact path, or a prefix when it ends with '/'. */
  path: string;
  /** Largest body anybody may send; the server refuses larger ones before the handler runs (default 64 KB). */
  maxBodyBytes?: number;
  /** Largest body from a signed-in owner (uploads); such bodies are timed by their progress only. */
  ownerMaxBodyBytes?: number;
  handle(req: IncomingMessage, res: ServerResponse, services: AppServices): Promise<void> | void;
};

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(JSON.stringify(body));
}

export function sendText(
  res: ServerResponse,
  status: number,
  body: string,
  contentType = 'text/plain; charset=utf-8',
): void {
  res.statusCode = status;
  res.setHeader('Content-Type', contentType);
  res.setHeader('Cache-Control', 'no-store');
  res.end(body);
}

export class BodyTooLargeError extends Error {}

/** Reads a request body up to a limit; larger bodies are refused before they fill memory. */
export async function readBody(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limitBytes) throw new BodyTooLargeError(`Body larger than ${limitBytes} bytes.`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}
