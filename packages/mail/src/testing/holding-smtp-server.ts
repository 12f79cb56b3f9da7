// A real SMTP server (the smtp-server package) whose reply to DATA the test controls, so a test
// can kill the sender at an exact point of the SMTP exchange.
//
// SMTP commits a message only with the server's 250 reply to the end of DATA (RFC 5321 §4.1.1.4):
// a message whose connection closed before that reply was not delivered, and a real server drops
// it. So this server keeps such messages apart, as `abandoned`, and counts only answered ones as
// `delivered`.
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type SmtpMessage = { sessionId: string; messageId: string; text: string; to: string[] };

export type HeldMessage = {
  message: SmtpMessage;
  /** Answers 250: from now on the message is delivered. */
  accept(): void;
  /** Resolves when the sender's connection has closed (after its QUIT, or because it died). */
  closed: Promise<void>;
};

export type HoldingSmtpServer = {
  url: string;
  delivered: SmtpMessage[];
  abandoned: SmtpMessage[];
  /** The next message's DATA is received in full and then left unanswered until accept(). */
  holdNext(): Promise<HeldMessage>;
  waitForDelivered(count: number, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
};

function toMessage(sessionId: string, parsed: ParsedMail, to: string[]): SmtpMessage {
  return { sessionId, messageId: parsed.messageId ?? '', text: parsed.text ?? '', to };
}

export async function startHoldingSmtpServer(): Promise<HoldingSmtpServer> {
  const delivered: SmtpMessage[] = [];
  const abandoned: SmtpMessage[] = [];
  const unanswered = new Map<string, SmtpMessage>();
  const closeWaiters = new Map<string, () => void>();
  const changed = new Set<() => void>();
  let armed: ((held: HeldMessage) => void) | null = null;
  let counter = 0;

  const deliver = (message: SmtpMessage) => {
    unanswered.delete(message.sessionId);
    delivered.push(message);
    for (const listener of changed) listener();
  };

  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        simpleParser(Buffer.concat(chunks))
          .then((parsed) => {
            const to = session.envelope.rcptTo.map((r) => r.address);
            const message = toMessage(session.id, parsed, to);
            const reply = () => callback(null, `Message queued as HOLD${++counter}`);
            const hold = armed;
            armed = null;
            if (!hold) {
              deliver(message);
              reply();
              return;
            }
            unanswered.set(session.id, message);
            hold({
              message,
              accept() {
                deliver(message);
                reply();
              },
              closed: new Promise<void>((resolve) => closeWaiters.set(session.id, resolve)),
            });
          })
          .catch((error: Error) => callback(error));
      });
    },
    onClose(session) {
      const message = unanswered.get(session.id);
      if (message) {
        unanswered.delete(session.id);
        abandoned.push(message);
      }
      closeWaiters.get(session.id)?.();
      closeWaiters.delete(session.id);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as { port: number }).port;

  return {
    url: `smtp://127.0.0.1:${port}`,
    delivered,
    abandoned,
    holdNext: () => new Promise<HeldMessage>((resolve) => (armed = resolve)),
    waitForDelivered(count, timeoutMs = 30_000) {
      return new Promise<void>((resolve, reject) => {
        const check = () => {
          if (delivered.length < count) return;
          clearTimeout(timer);
          changed.delete(check);
          resolve();
        };
        const timer = setTimeout(() => {
          changed.delete(check);
          reject(new Error(`Expected ${count} delivered message(s), got ${delivered.length}.`));
        }, timeoutMs);
        changed.add(check);
        check();
      });
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
