// A real SMTP server in the test process (the smtp-server package), collecting parsed messages.
import { createServer } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type ReceivedEmail = {
  raw: string;
  parsed: ParsedMail;
  envelopeTo: string[];
  /** The id this server gave in its 250 reply, as the sender should record it. */
  queueId: string;
};

export type TestSmtpServer = {
  port: number;
  url: string;
  received: ReceivedEmail[];
  waitForMessages(count: number, timeoutMs?: number): Promise<ReceivedEmail[]>;
  stop(): Promise<void>;
};

/** A port that nothing listens on right now: an SMTP server that is "down". */
export async function findFreePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as { port: number }).port;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

export async function startTestSmtpServer(
  options: {
    port?: number;
    rejectRecipients?: RegExp;
    /** Accepts each message unread and keeps nothing, so that a benchmark times only the sender. */
    isDiscarding?: boolean;
  } = {},
): Promise<TestSmtpServer> {
  const received: ReceivedEmail[] = [];
  let counter = 0;
  const server = new SMTPServer({
    // Plain SMTP on localhost: no STARTTLS (a self-signed certificate would only test the test).
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    // Stopping waits this long for a client's open (pooled) connection before closing it with a 421.
    closeTimeout: 500,
    onRcptTo(address, _session, callback) {
      if (options.rejectRecipients?.test(address.address)) {
        const error = Object.assign(new Error('5.1.1 No such mailbox here'), { responseCode: 550 });
        callback(error);
      } else callback();
    },
    onData(stream, session, callback) {
      if (options.isDiscarding) {
        stream.on('end', () => callback(null, 'Message accepted'));
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const queueId = `TEST${++counter}`;
        simpleParser(raw)
          .then((parsed) => {
            received.push({
              raw,
              parsed,
              envelopeTo: session.envelope.rcptTo.map((r) => r.address),
              queueId,
            });
            callback(null, `Message queued as ${queueId}`);
          })
          .catch((error: Error) => callback(error));
      });
    },
  });
  const port = options.port ?? 0;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actualPort = (server.server.address() as { port: number }).port;
  return {
    port: actualPort,
    url: `smtp://127.0.0.1:${actualPort}`,
    received,
    async waitForMessages(count, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline)
          throw new Error(`Expected ${count} message(s) at the test SMTP server, got ${received.length}.`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return received;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
export {
  type HeldMessage,
  type HoldingSmtpServer,
  type SmtpMessage,
  startHoldingSmtpServer,
} from './holding-smtp-server.ts';
export { seedLicense } from './seed-license.ts';
