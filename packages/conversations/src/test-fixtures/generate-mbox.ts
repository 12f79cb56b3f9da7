// A Gmail-Takeout-like mbox for tests and the benchmark: threads of 1–6 messages with
// X-GM-THRID, Message-ID/In-Reply-To/References, a third multipart/alternative, quoted replies,
// mboxrd `>From ` escaping and CRLF line ends. Written in chunks: memory stays flat at any size.
import { createWriteStream } from 'node:fs';
import { createRng } from '@keydesk/db/demo';

const WORDS =
  'license key activation upgrade refund invoice download install error crash windows mac linux update version server offline renew subscription discount volume team seat transfer machine reinstall backup export import password account'.split(
    ' ',
  );

export type GeneratedMbox = { messages: number; threads: number; bytes: number };

export async function generateMbox(file: string, count: number, seed = 1): Promise<GeneratedMbox> {
  const rng = createRng(seed);
  const random = rng.next;
  const pick = rng.pick;
  const sentence = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const out = createWriteStream(file);
  let bytes = 0;
  let chunk: string[] = [];
  const flush = async () => {
    const data = chunk.join('');
    chunk = [];
    bytes += Buffer.byteLength(data);
    if (!out.write(data)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  };
  let written = 0;
  let threads = 0;
  let time = Date.UTC(2019, 0, 1);
  while (written < count) {
    threads++;
    const size = Math.min(count - written, 1 + Math.floor(random() * 6));
    const thrid = `${1600000000000000000n + BigInt(threads)}`;
    const customer = `customer${Math.floor(random() * 20000)}@example.com`;
    const subject = `${sentence(3)} #${threads}`;
    const ids: string[] = [];
    let previousBody = '';
    for (let i = 0; i < size; i++) {
      time += Math.floor(random() * 3_600_000);
      const id = `m${written}.${threads}@gen.example`;
      const inbound = i % 2 === 0;
      const from = inbound ? customer : 'support@keydesk.test';
      const to = inbound ? 'support@keydesk.test' : customer;
      let body = `Hello,\r\n\r\n${sentence(20)}.\r\n${sentence(15)}.\r\n>From the docs: ${sentence(6)}\r\n`;
      if (previousBody)
        body += `\r\nOn an earlier day someone wrote:\r\n${previousBody
          .split('\r\n')
          .map((l) => `> ${l}`)
          .join('\r\n')}\r\n`;
      previousBody = body.slice(0, 400);
      const headers = [
        `From ${thrid}${i}@xxx ${new Date(time).toUTCString()}`,
        `X-GM-THRID: ${thrid}`,
        `X-Gmail-Labels: Inbox,Opened`,
        `From: ${from}`,
        `To: ${to}`,
        `Subject: ${i === 0 ? subject : `Re: ${subject}`}`,
        `Date: ${new Date(time).toUTCString()}`,
        `Message-ID: <${id}>`,
        ...(ids.length > 0
          ? [`In-Reply-To: <${ids.at(-1)}>`, `References: ${ids.map((r) => `<${r}>`).join(' ')}`]
          : []),
        'MIME-Version: 1.0',
      ];
      const escaped = body.replace(/^(>*From )/gm, '>$1');
      const part =
        random() < 0.33
          ? [
              'Content-Type: multipart/alternative; boundary="alt"',
              '',
              '--alt',
              'Content-Type: text/plain; charset=utf-8',
              '',
              escaped,
              '--alt',
              'Content-Type: text/html; charset=utf-8',
              '',
              `<html><body><p>${escaped.replace(/\r\n/g, '<br>')}</p></body></html>`,
              '--alt--',
            ].join('\r\n')
          : ['Content-Type: text/plain; charset=utf-8', '', escaped].join('\r\n');
      chunk.push(`${headers.join('\r\n')}\r\n${part}\r\n\r\n`);
      ids.push(id);
      written++;
      if (chunk.length >= 500) await flush();
    }
  }
  await flush();
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
  return { messages: written, threads, bytes };
}
