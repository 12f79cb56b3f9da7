import { recordAudit } from '@keydesk/audit';
import { type Db, NotFoundError } from '@keydesk/db';
import { Zip, ZipDeflate } from 'fflate';
import { collectCustomerData } from './collect-customer-data.ts';
import { renderCustomerSummaryHtml } from './customer-summary-html.ts';

export type ExportCustomerOptions = { db: Db; customerId: number; now?: Date; ip?: string | null };
export type CustomerExport = { fileName: string; zip: Uint8Array };

const encoder = new TextEncoder();

function safeName(name: string): string {
  return name.replace(/[^\w.-]+/g, '_').slice(0, 80) || 'file';
}

/** A ZIP of everything held about one customer: JSON per area, attachments, and summary.html. */
export async function exportCustomer(options: ExportCustomerOptions): Promise<CustomerExport> {
  const { db, customerId } = options;
  const now = options.now ?? new Date();
  const data = collectCustomerData(db, customerId);
  if (!data) throw new NotFoundError('customer', `There is no customer ${customerId}.`);
  const { attachments, ...rest } = data;
  const files: [string, Uint8Array][] = [
    ['summary.html', encoder.encode(renderCustomerSummaryHtml(data, now))],
    ['profile.json', json({ profile: rest.profile, emails: rest.emails })],
    ['orders.json', json(rest.orders)],
    ['licenses.json', json(rest.licenses)],
    ['newsletter.json', json(rest.newsletter)],
    ['resends.json', json(rest.resends)],
    ['notes.json', json(rest.notes)],
    ['chats.json', json(rest.chats)],
    ['email-threads.json', json(rest.emailThreads)],
    ...attachments.map((a): [string, Uint8Array] => [
      `attachments/${a.messageId}-${a.id}-${safeName(a.filename ?? 'attachment')}`,
      a.content,
    ]),
  ];
  const zip = await zipFiles(files, now);
  recordAudit(
    db,
    {
      action: 'customer.export',
      actor: 'owner',
      customerId,
      targetType: 'customer',
      targetId: customerId,
      ip: options.ip ?? null,
      details: { files: files.length, bytes: zip.length },
    },
    now,
  );
  return { fileName: `customer-${customerId}-${now.toISOString().slice(0, 10)}.zip`, zip };
}

function json(value: unknown): Uint8Array {
  return encoder.encode(`${JSON.stringify(value, null, 2)}\n`);
}

// fflate's streaming Zip: each file is deflated as it is pushed, chunks are gathered as they come.
function zipFiles(files: [string, Uint8Array][], now: Date): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    const zip = new Zip((error, chunk, final) => {
      if (error) {
        reject(error);
        return;
      }
      chunks.push(chunk);
      if (final) resolve(concat(chunks));
    });
    for (const [name, content] of files) {
      const entry = new ZipDeflate(name, { level: 6 });
      entry.mtime = now;
      zip.add(entry);
      entry.push(content, true);
    }
    zip.end();
  });
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}
