// Every request body is bounded before a handler sees it: by its declared Content-Length up front,
// by the bytes that actually arrive (chunked bodies declare nothing), and in time, so a sender that
// drips its body (slowloris) cannot hold a connection open for long.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLargeError, sendText } from './http-route.ts';

export type BodyPolicy = {
  maxBytes: number;
  /** The whole body must have arrived this long after the headers; null: only stalls count. */
  deadlineMs: number | null;
  /** Longest wait for the next bytes of the body. */
  stallMs: number;
  /** Added to the 413's message, e.g. that a signed-in owner may send more. */
  tooLargeHint?: string;
};

export function hasRequestBody(req: IncomingMessage): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}

/** Content-Length, or null for a chunked body (Node has already refused a malformed one). */
function declaredLength(req: IncomingMessage): number | null {
  if (req.headers['transfer-encoding'] !== undefined) return null;
  return Number(req.headers['content-length'] ?? 0);
}

function describeLimit(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${Math.round(bytes / 1024 ** 3)} GB`;
  if (bytes >= 1024 * 1024) return `${Math.round(bytes / 1024 ** 2)} MB`;
  return `${Math.round(bytes / 1024)} KB`;
}

const refusedRequests = new WeakSet<IncomingMessage>();

/** True when the guard answered this request itself; its handler's later failure is expected. */
export function wasBodyRefused(req: IncomingMessage): boolean {
  return refusedRequests.has(req);
}

/** How long a refused sender may keep writing before its connection is cut (see refuse). */
const LINGER_MS = 2_000;

/**
 * Answers 413 or 408 and arranges the end of the request. A sender still writing when its
 * connection closes gets a reset, and may lose the answer with it; so a refused body is drained and
 * dropped for a moment first (as nginx's lingering close does). `cut` destroys the request: a
 * handler still reading it then fails with BodyTooLargeError.
 */
function refuse(
  req: IncomingMessage,
  res: ServerResponse,
  status: 408 | 413,
  message: string,
): { cut: () => void } {
  refusedRequests.add(req);
  let isCut = false;
  const cut = () => {
    if (isCut) return;
    isCut = true;
    const destroy = () => {
      // A handler that never read the body has no error listener; the error must not crash the process.
      req.on('error', () => {});
      req.destroy(new BodyTooLargeError(message));
    };
    // Never before the answer is out: destroying the request destroys the socket.
    if (res.writableFinished || res.headersSent) destroy();
    else res.once('finish', destroy);
  };
  if (res.headersSent) {
    cut();
    return { cut };
  }
  // A slow sender has nothing left to drain: close at once.
  if (status === 408) res.setHeader('Connection', 'close');
  sendText(res, status, message);
  res.once('finish', () => {
    if (status === 408) cut();
    // Node drains a body nobody reads; one that completed in time leaves a reusable connection.
    else setTimeout(() => !req.complete && cut(), LINGER_MS).unref();
  });
  return { cut };
}

/**
 * Applies `policy` to the request's body. Returns false when the request was refused up front (the
 * caller must not handle it). Chunks are counted where Node's HTTP parser hands them to the request
 * stream (its push), so the limit holds whether or not, and however, a handler reads the body.
 */
export function guardRequestBody(req: IncomingMessage, res: ServerResponse, policy: BodyPolicy): boolean {
  if (!hasRequestBody(req)) return true;
  const tooLarge = `The request body is larger than ${describeLimit(policy.maxBytes)}.${policy.tooLargeHint ? ` ${policy.tooLargeHint}` : ''}`;
  const declared = declaredLength(req);
  if (declared !== null && declared > policy.maxBytes) {
    refuse(req, res, 413, tooLarge);
    return false;
  }
  let received = 0;
  let isSettled = false;
  let refusal: { cut: () => void } | null = null;
  const tooSlow = () => {
    if (isSettled || req.complete) return;
    settle();
    refusal = refuse(req, res, 408, 'The request body arrived too slowly.');
  };
  const stallTimer = setTimeout(tooSlow, policy.stallMs).unref();
  const deadlineTimer = policy.deadlineMs === null ? null : setTimeout(tooSlow, policy.deadlineMs).unref();
  const settle = () => {
    isSettled = true;
    clearTimeout(stallTimer);
    if (deadlineTimer) clearTimeout(deadlineTimer);
  };
  req.once('close', settle);

  const push = req.push;
  req.push = function countedPush(chunk: Buffer | null, encoding?: BufferEncoding): boolean {
    if (refusal) {
      // Dropped, not buffered, and never a clean end: a handler must not take the part it got
      // for the whole body. The sender's bytes drain until the body ends or the linger is over.
      if (chunk === null) refusal.cut();
      return true;
    }
    if (chunk === null) settle();
    else {
      received += chunk.length;
      stallTimer.refresh();
      if (received > policy.maxBytes) {
        settle();
        refusal = refuse(req, res, 413, tooLarge);
        return true;
      }
    }
    return push.call(this, chunk, encoding);
  };
  return true;
}
