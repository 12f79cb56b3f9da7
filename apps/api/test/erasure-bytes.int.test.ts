// "Erased means no byte of it left in the database file": a customer whose data reached every
// table through the real entry points (reseller webhook and tawk.to chat over HTTP, mbox import
// with attachments, newsletter webhook, notes, a license resend) is erased, and then the database
// file, its WAL and a backup made afterwards hold none of their name, emails, phone, postal address
// or IP in any encoding (packages/privacy scan-for-personal-data.ts), nor any FTS5 index a term.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { recordMailboxRefused, saveCampaignDraft, startCampaign } from '@keydesk/announcements';
import { importMbox } from '@keydesk/conversations';
import { addCustomerNote, deleteCustomerNote, updateCustomerNote } from '@keydesk/customers';
import { generateDemo } from '@keydesk/db/demo';
import { resendLicenseKey } from '@keydesk/mail';
import { backupDatabase } from '@keydesk/maintenance';
import { eraseCustomer, type PersonToFind, scanForPersonalData } from '@keydesk/privacy';
import { describe, expect, it } from 'vitest';
import { mboxMessage } from './mbox-message.ts';
import { postTawk } from './webhooks/tawk-fixtures.ts';
import {
  form,
  payProPairs,
  post,
  subscribeOverWebhook,
  useWebhookServer,
} from './webhooks/webhook-fixtures.ts';

const PERSON = {
  first: 'Ysëult',
  last: 'Quixwrïght',
  email: 'ysolde.quixwright@erase-me.example',
  altEmail: 'y.quixwright@work-erase.example',
  phone: '+44 113 496 0777',
  street: '7 Rue de l’Érable',
  city: 'Saint-Étiennevale',
  zip: 'LS1 4QX',
  ip: '203.0.113.77',
};
const NAME = `${PERSON.first} ${PERSON.last}`;
const person: PersonToFind = {
  name: NAME,
  emails: [PERSON.email, PERSON.altEmail],
  phone: PERSON.phone,
  postalAddress: [PERSON.street, PERSON.city, PERSON.zip],
  ip: PERSON.ip,
};
const LICENSE_KEY = 'YQXW7-K2M9P-4X8ZQ-ERASE';

const now = new Date();

const testBed = useWebhookServer({
  now: () => now,
  seed: (db) => generateDemo({ sqlite: db.sqlite, customers: 200, seed: 11 }),
});

const b64Word = (text: string) => `=?utf-8?B?${Buffer.from(text).toString('base64')}?=`;

function mbox(): string {
  const attachment = `Customer: ${NAME}\r\nPhone: ${PERSON.phone}\r\nAddress: ${PERSON.street}, ${PERSON.zip} ${PERSON.city}\r\n`;
  const html = `<p>Best, ${NAME.replace('ë', '&euml;').replace('ï', '&#239;')}<br>${PERSON.street.replace('É', '&Eacute;')}</p>`;
  return mboxMessage({
    envelopeSender: PERSON.email,
    headers: [
      `From: ${b64Word(NAME)} <${PERSON.email}>`,
      `Cc: ${PERSON.altEmail}`,
      `Subject: =?utf-8?Q?Key_for_${encodeURIComponent(PERSON.last).replace(/%/g, '=')}?=`,
      '<erase-me-1@erase-me.example>'.replace(/^/, 'Message-ID: '),
    ],
    text: [
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      `Hello, my key ${LICENSE_KEY} stopped working. Call me on ${PERSON.phone}. ${NAME}`.replace(
        /[^\x20-\x7e]/g,
        (c) => [...Buffer.from(c)].map((b) => `=${b.toString(16).toUpperCase()}`).join(''),
      ),
    ].join('\r\n'),
    html: ['Content-Type: text/html; charset=utf-8', '', html].join('\r\n'),
    attachments: [
      [
        'Content-Type: text/plain; charset=utf-8; name="details.txt"',
        'Content-Transfer-Encoding: base64',
        'Content-Disposition: attachment; filename="details.txt"',
        '',
        Buffer.from(attachment).toString('base64'),
      ].join('\r\n'),
    ],
  });
}

async function feedEveryInputPath(): Promise<number> {
  const paypro = payProPairs({
    orderId: 880_001,
    type: 1,
    email: PERSON.email,
    licenses: LICENSE_KEY,
    extra: [
      ['CUSTOMER_PHONE', PERSON.phone],
      ['CUSTOMER_STREET_ADDRESS', PERSON.street],
      ['CUSTOMER_CITY', PERSON.city],
      ['CUSTOMER_ZIPCODE', PERSON.zip],
      ['CUSTOMER_IP', PERSON.ip],
    ],
  }).map(([k, v]): [string, string] => [
    k,
    k === 'CUSTOMER_FIRST_NAME' ? PERSON.first : k === 'CUSTOMER_LAST_NAME' ? PERSON.last : v,
  ]);
  // WEBHOOK EVENT CASE: the stored PayPro payload (form-encoded: %40, +) is erased today by
  // erase-customer.ts's rule (by order id and address). Helper "reseller" is reworking how
  // WebhookEvent payloads are stored and erased by customer reference; this case must keep passing
  // with their change.
  expect((await post(`${testBed.server.url}/hooks/paypro`, form(paypro).replace(/%20/g, '+'))).status).toBe(
    200,
  );
  const customerId = Number(
    testBed.db.sqlite
      .prepare('SELECT customerId FROM CustomerEmail WHERE email = ?')
      .pluck()
      .safeIntegers(false)
      .get(PERSON.email),
  );
  expect(customerId).toBeGreaterThan(0);

  const chat = JSON.stringify({
    event: 'chat:start',
    chatId: 'erase-chat-1',
    time: now.toISOString(),
    message: { text: `Hi, ${NAME} here, ${PERSON.phone}`, type: 'msg', sender: { type: 'visitor' } },
    visitor: { name: NAME, email: PERSON.email, city: PERSON.city },
    property: { id: 'p1', name: 'Tessera' },
  });
  expect((await postTawk(`${testBed.server.url}/hooks/tawk`, chat, { eventId: 'erase-chat-1' })).status).toBe(
    200,
  );

  const file = path.join(testBed.db.dir, 'erase.mbox');
  writeFileSync(file, mbox());
  expect((await importMbox({ db: testBed.db, file, now: () => now, parseWorkers: 0 })).created).toBe(1);

  expect(await subscribeOverWebhook(testBed.server.url, 'erase-nl-1', PERSON.email, now)).toBe(200);

  addCustomerNote({
    db: testBed.db,
    customerId,
    body: `Called ${NAME} on ${PERSON.phone} about ${PERSON.street}`,
    now,
  });
  // Rows changed or deleted long before the erasure leave their old bytes in free space on the
  // page or on free pages, where a later erasure's secure_delete never reaches.
  const draft = addCustomerNote({
    db: testBed.db,
    customerId,
    body: `Draft: ${NAME}, ${PERSON.altEmail}, ${PERSON.city}`,
    now,
  });
  updateCustomerNote({ db: testBed.db, noteId: draft.id, body: 'Draft (edited)', now });
  const gone = addCustomerNote({
    db: testBed.db,
    customerId,
    body: `Old: ${PERSON.zip} ${PERSON.phone} ${NAME}`.repeat(200),
    now,
  });
  deleteCustomerNote({ db: testBed.db, noteId: gone.id, now });
  const licenseId = Number(
    testBed.db.sqlite
      .prepare('SELECT id FROM License WHERE customerId = ?')
      .pluck()
      .safeIntegers(false)
      .get(customerId),
  );
  await resendLicenseKey({
    db: testBed.db,
    licenseId,
    requestId: 'erase-resend-1',
    fromAddress: 'support@tessera.example',
    now,
  });
  // An announcement: their recipient row (name, address) and its outbox email, which bounced, so
  // their address is suppressed too.
  const { id: campaignId } = saveCampaignDraft({
    db: testBed.db,
    draft: {
      name: 'Tessera 6',
      topic: 'updates',
      audience: { include: [{ kind: 'license' }], exclude: [] },
      subject: 'Tessera 6 for {{name}}',
      textBody: 'Hello {{name}} ({{email}})',
      htmlBody: '<p>Hello {{name}}</p>',
    },
    now,
  });
  const send = {
    db: testBed.db,
    publicUrl: 'https://keydesk.example.com',
    fromAddress: 'news@tessera.example',
    secret: 's',
  };
  await startCampaign(send, campaignId, () => now);
  recordMailboxRefused({
    db: testBed.db,
    toAddress: PERSON.email,
    campaignId,
    reason: '550 no such user',
    now,
  });
  const count = (sql: string) => testBed.db.sqlite.prepare(sql).pluck().safeIntegers(false).get(PERSON.email);
  expect(count("SELECT count(*) FROM CampaignRecipient WHERE email = ? AND status = 'bounced'")).toBe(1);
  expect(count("SELECT count(*) FROM EmailSuppression WHERE email = ? AND reason = 'hard_bounce'")).toBe(1);
  return customerId;
}

describe('erasing a customer', () => {
  it('leaves no byte of them in the database file, its WAL, its FTS indexes or a later backup', async () => {
    const customerId = await feedEveryInputPath();
    testBed.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    // The scan must see the data first, in several encodings, or finding none later proves nothing.
    const before = new Set(
      scanForPersonalData(testBed.db.file, person).map((f) => `${f.term} / ${f.encoding}`),
    );
    for (const seen of [
      `${NAME} / utf-8`,
      `${PERSON.email} / utf-8`,
      `${PERSON.email} / form-encoded`,
      `${PERSON.phone} / utf-8`,
    ])
      expect(before, seen).toContain(seen);

    eraseCustomer({ db: testBed.db, customerId, confirmEmail: PERSON.email, now });
    const backup = await backupDatabase({
      sqlite: testBed.db.sqlite,
      dbFile: testBed.db.file,
      now: new Date(now.getTime() + 1000),
    });

    const left = scanForPersonalData(
      [testBed.db.file, `${testBed.db.file}-wal`, `${testBed.db.file}-journal`, backup.backup.file],
      person,
    );
    expect(left.map((f) => `${path.basename(f.file)}@${f.offset}: ${f.term} / ${f.encoding}`)).toEqual([]);
    for (const table of ['CustomerNameWord', 'EmailMessageFts', 'ChatMessageFts']) {
      testBed.db.sqlite.exec(
        `CREATE VIRTUAL TABLE temp.vocab_${table} USING fts5vocab(main, ${table}, 'row')`,
      );
      const terms = testBed.db.sqlite
        .prepare(`SELECT term FROM temp.vocab_${table} WHERE term IN (?, ?, ?)`)
        .pluck()
        .all('ysolde', 'quixwright', 'ysëult');
      expect(terms, table).toEqual([]);
    }
    expect(
      testBed.db.sqlite
        .prepare(`SELECT count(*) FROM CustomerSearch WHERE CustomerSearch MATCH 'quixwr'`)
        .pluck()
        .get(),
    ).toBe(0n);
  });
});
