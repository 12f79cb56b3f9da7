// HTTP the way hostile clients speak it: bodies declared but never sent, bodies that never end,
// headers dripped a line at a time. fetch cannot do these, so node:http and node:net do, each
// request on a connection of its own (a reused one may have been closed by the last answer).
import { Agent, request } from 'node:http';
import { connect } from 'node:net';

/**
 * A connection of its own, as keep-alive as a browser's: with "Connection: close" Node would close
 * right after answering, so a refused sender would not see how the server itself ends the request.
 */
function freshAgent(): Agent {
  return new Agent({ keepAlive: true, maxSockets: 1 });
}

export type RawResponse = {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
};

function readResponse(res: import('node:http').IncomingMessage): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    let text = '';
    // Taken now: once the answer has ended, Node detaches a keep-alive socket from its response.
    const socket = res.socket;
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => (text += chunk));
    res.on('end', () => {
      resolve({ status: res.statusCode ?? 0, headers: res.headers, text });
      // The connection was this request's own: closed now, not left idle in its agent until the
      // server's keep-alive hint (64 s). A flood of thousands would otherwise hold a socket each and
      // run both processes out of file descriptors.
      socket?.destroy();
    });
    res.on('error', reject);
  });
}

/** Sends only the headers (a body of `declaredBytes` announced) and waits for the answer. */
export function postDeclaredOnly(
  url: string,
  path: string,
  declaredBytes: number,
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-length': String(declaredBytes), ...headers },
      agent: freshAgent(),
    });
    req.on('response', (res) => readResponse(res).then(resolve, reject));
    req.on('error', reject);
    req.flushHeaders();
  });
}

/**
 * A chunked body of `chunkBytes` pieces, one every `everyMs`, until the server answers or
 * `totalBytes` are sent. Returns the answer and how much was sent before it.
 */
export function postChunked(
  url: string,
  path: string,
  options: { chunkBytes: number; totalBytes: number; everyMs?: number; headers?: Record<string, string> },
): Promise<RawResponse & { sentBytes: number }> {
  return new Promise((resolve, reject) => {
    let sentBytes = 0;
    let answered = false;
    const req = request(`${url}${path}`, {
      method: 'POST',
      headers: { 'transfer-encoding': 'chunked', ...options.headers },
      agent: freshAgent(),
    });
    req.on('response', (res) => {
      answered = true;
      readResponse(res).then((r) => resolve({ ...r, sentBytes }), reject);
    });
    // The server may close the connection once it has answered; only a missing answer is a failure.
    req.on('error', (error) => setTimeout(() => !answered && reject(error), 200));
    const chunk = Buffer.alloc(options.chunkBytes, 0x61);
    const sendNext = () => {
      if (answered || req.destroyed) return;
      if (sentBytes >= options.totalBytes) {
        req.end();
        return;
      }
      sentBytes += chunk.length;
      const canContinue = req.write(chunk);
      if (options.everyMs) setTimeout(sendNext, options.everyMs);
      else if (canContinue) setImmediate(sendNext);
      else req.once('drain', sendNext);
    };
    sendNext();
  });
}

/**
 * Writes `parts` on a bare socket, `everyMs` apart, and resolves with everything the server sent
 * back and how long until it closed the connection.
 */
export function dripSocket(
  url: string,
  parts: string[],
  everyMs: number,
): Promise<{ received: string; closedAfterMs: number; partsSent: number }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = connect(Number(port), hostname);
    let received = '';
    let partsSent = 0;
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (received += chunk));
    socket.on('error', () => {});
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ received, closedAfterMs: Date.now() - started, partsSent });
    });
    const timer = setInterval(() => {
      const part = parts[partsSent];
      if (part === undefined || socket.destroyed) return;
      socket.write(part);
      partsSent += 1;
    }, everyMs);
  });
}

/** One request with a chosen Host header (fetch always sends the URL's). */
export function requestWithHost(
  url: string,
  path: string,
  options: { host: string; method?: string; headers?: Record<string, string>; body?: string },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, {
      method: options.method ?? 'GET',
      headers: { ...options.headers, host: options.host },
      agent: freshAgent(),
    });
    req.on('response', (res) => readResponse(res).then(resolve, reject));
    req.on('error', reject);
    req.end(options.body);
  });
}

/**
 * Any method, headers and bytes, exactly as given. Resolves with the answer, or with the error when
 * the connection failed before one came.
 */
export function sendRaw(
  url: string,
  options: { method: string; path: string; headers?: Record<string, string>; body?: Buffer },
): Promise<RawResponse | { error: string }> {
  return new Promise((resolve) => {
    let isDone = false;
    const finish = (result: RawResponse | { error: string }) => {
      if (isDone) return;
      isDone = true;
      resolve(result);
    };
    const req = request(`${url}${options.path}`, {
      method: options.method,
      headers: options.headers,
      agent: freshAgent(),
    });
    req.on('response', (res) => readResponse(res).then(finish, (e: Error) => finish({ error: e.message })));
    req.on('error', (error) => finish({ error: error.message }));
    req.end(options.body);
  });
}

/** Resident and peak resident memory of a process, in MB (Linux). */
export async function processMemoryMb(pid: number): Promise<{ rss: number; peak: number }> {
  const { readFile } = await import('node:fs/promises');
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}
