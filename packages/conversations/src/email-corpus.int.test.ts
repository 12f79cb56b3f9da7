// The real-world corpus (test-corpus/email, see its README) through the real mbox import into a real
// SQLite file: every message is stored, a duplicate or refused with its reason, nothing stored is
// invented (subject, sender, date), no body is silently empty, and a second copy of the whole
// corpus in another mbox dialect stores nothing new.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createTestDb, type TestDb } from '@keydesk/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importMbox } from './import-mbox.ts';
import type { ImportSummary } from './import-run.ts';
import { EMAIL_CORPUS_DIR as CORPUS, emailCorpusFiles } from './test-fixtures/email-corpus.ts';

const NOW = new Date('2031-01-01T00:00:00Z');
const now = () => NOW;

type Row = {
  id: number;
  messageId: string;
  subject: string;
  fromAddress: string | null;
  sentAt: number | null;
  textBody: string | null;
  htmlBody: string | null;
  parseProblems: string | null;
  attachments: number;
};

type Outcome = { file: string; raw: Buffer; summary: ImportSummary; row: Row | null };

let db: TestDb;
const outcomes: Outcome[] = [];

function rowsAfter(id: number): Row[] {
  return db.sqlite
    .prepare(
      `SELECT m.id, m.messageId, m.subject, m.fromAddress, m.sentAt, m.textBody, m.htmlBody, m.parseProblems,
         (SELECT COUNT(*) FROM EmailAttachment a WHERE a.messageId = m.id) AS attachments
       FROM EmailMessage m WHERE m.id > ? ORDER BY m.id`,
    )
    .safeIntegers(false)
    .all(id) as Row[];
}

const lastId = () =>
  (
    db.sqlite.prepare('SELECT COALESCE(MAX(id), 0) AS id FROM EmailMessage').safeIntegers(false).get() as {
      id: number;
    }
  ).id;

beforeAll(async () => {
  db = await createTestDb();
  // One file per message, as a lone .eml or with its own envelope line: the real import path.
  for (const file of emailCorpusFiles('.eml')) {
    const before = lastId();
    const summary = await importMbox({ db, file, now, parseWorkers: 0 });
    const rows = rowsAfter(before);
    outcomes.push({
      file: path.relative(CORPUS, file),
      raw: readFileSync(file),
      summary,
      row: rows[0] ?? null,
    });
  }
}, 120_000);

afterAll(async () => {
  await db.destroy();
});

function headerBlock(raw: Buffer): string {
  const text = raw.toString('utf8');
  const end = text.search(/\r?\n\r?\n/);
  return end < 0 ? text : text.slice(0, end);
}

/** Every date the message or its envelope states, read independently of the importer. */
function statedDates(raw: Buffer): number[] {
  const head = headerBlock(raw).replace(/\r?\n[ \t]+/g, ' ');
  const dates: number[] = [];
  for (const line of head.split(/\r?\n/)) {
    const value = /^date[ \t]*:(.*)$/i.exec(line)?.[1] ?? /^received[ \t]*:.*;(.*)$/i.exec(line)?.[1];
    if (value) dates.push(Date.parse(value.replace(/\([^()]*\)/g, ' ').trim()));
    const envelope = /^From \S+ +\w{3} +(\w{3}) +(\d+) +([\d:]+) +(?:([+-]\d{4}) +)?(\d{4})/.exec(line);
    if (envelope) {
      const [, month, day, time, zone, year] = envelope;
      dates.push(Date.parse(`${day} ${month} ${year} ${time} ${zone ?? '+0000'}`));
    }
  }
  return dates.filter((d) => !Number.isNaN(d));
}

function bodyIsBlank(raw: Buffer): boolean {
  const text = raw.toString('latin1');
  const end = text.search(/\r?\n\r?\n/);
  return end < 0 || text.slice(end).trim() === '';
}

describe('the real-world email corpus', () => {
  it('has at least 150 messages from its sources', () => {
    const inMboxes = 6; // cpython-mailbox_01.mbox: 1, mime4j-rlug.mbox: 5 (mikel-cpython-mboxrd.mbox repeats 3)
    expect(outcomes.length + inMboxes).toBeGreaterThanOrEqual(150);
  });

  it('accounts for every message: read = stored + duplicates + refused-with-a-reason', () => {
    for (const { file, summary } of outcomes) {
      expect(summary.itemsDone, file).toBe(1);
      expect(summary.created + summary.skipped + summary.rejected, file).toBe(summary.itemsDone);
      expect(summary.problems, file).toHaveLength(summary.rejected);
      for (const problem of summary.problems) {
        expect(problem.at, file).toMatch(/^message 1 at byte \d+$/);
        expect(problem.reason, file).toMatch(/^refused, not an email: \S/);
      }
    }
    // Only the two messages that are not mail (a body with no header at all) are refused.
    const refused = outcomes.filter((o) => o.summary.rejected > 0).map((o) => o.file);
    expect(refused).toEqual([
      'mime4j/malformedHeader-noheader.eml',
      'mime4j/malformedHeaderStartsBody-noheader.eml',
    ]);
    const runs = db.sqlite
      .prepare(
        `SELECT COUNT(*) AS n FROM ImportRun WHERE kind = 'mbox' AND (status <> 'completed' OR itemsDone <> created + skipped + rejected)`,
      )
      .safeIntegers(false)
      .get() as { n: number };
    expect(runs.n).toBe(0);
  });

  it('invents no subject, sender or date, and never uses the import time as a date', () => {
    for (const { file, raw, row } of outcomes) {
      if (!row) continue;
      const head = headerBlock(raw);
      if (!/^subject[ \t]*:/im.test(head)) expect(row.subject, file).toBe('');
      if (row.fromAddress) {
        const lower = `${head.toLowerCase()}\n${raw.toString('latin1').toLowerCase()}`;
        expect(lower.includes(row.fromAddress.split('@')[0] ?? ''), file).toBe(true);
      } else {
        expect(/^from[ \t]*:.*@/im.test(head), file).toBe(false);
      }
      expect(row.sentAt, file).not.toBe(NOW.getTime());
      if (row.sentAt !== null) expect(statedDates(raw), file).toContain(row.sentAt);
    }
  });

  it('leaves no body silently empty: text, HTML, attachments, a recorded parse problem, or nothing to read', () => {
    for (const { file, raw, row } of outcomes) {
      if (!row) continue;
      const hasContent = !!row.textBody?.trim() || !!row.htmlBody?.trim() || row.attachments > 0;
      if (!hasContent) expect(row.parseProblems !== null || bodyIsBlank(raw), file).toBe(true);
      if (row.parseProblems) expect(JSON.parse(row.parseProblems), file).not.toEqual([]);
      expect(row.textBody ?? '', file).not.toMatch(/\uFFFD{3}/);
    }
  });

  it('stores what the notable messages carry', () => {
    const row = (file: string) => outcomes.find((o) => o.file === file)?.row;
    expect(row('mime4j/ending-boundaries.eml')?.textBody).toContain('first part');
    expect(row('mime4j/ending-boundaries.eml')?.parseProblems).toMatch(/boundary/);
    expect(row('mime4j/basic-plain-with-bad-header-separator.eml')?.textBody).toContain(
      'very simple message',
    );
    expect(row('mime4j/basic-plain-with-bad-header-separator.eml')?.parseProblems).toMatch(/header block/);
    expect(row('mime4j/missing-boundary.eml')?.parseProblems).toMatch(/boundary/);
    expect(row('postal-mime/calendar-event.eml')?.attachments).toBeGreaterThan(0);
    expect(row('mailparser/delivery-status.eml')?.textBody).toBeTruthy();
    expect(row('mikel-mail/multi_charset/japanese_iso_2022.eml')?.textBody).toContain('すみません');
    expect(row('mime4j/qp-body.eml')?.textBody).toContain('€');
  });

  it('reads mboxo and gmane mbox files: a body From line stays in its message, the envelope date is used', async () => {
    const cpython = await importMbox({ db, file: path.join(CORPUS, 'mbox/cpython-mailbox_01.mbox'), now });
    expect([cpython.itemsDone, cpython.created, cpython.rejected]).toEqual([1, 1, 0]);
    const [message] = rowsAfter(lastId() - 1);
    expect(message?.textBody).toContain('From time to time');
    expect(message?.sentAt).toBe(Date.parse('2022-08-07T11:40:37Z'));

    const rlug = await importMbox({ db, file: path.join(CORPUS, 'mbox/mime4j-rlug.mbox'), now });
    expect([rlug.itemsDone, rlug.created + rlug.skipped, rlug.rejected]).toEqual([5, 5, 0]);
  });

  it('unescapes an mboxrd file: >From lines in bodies and in a forwarded message come back as From', async () => {
    const before = lastId();
    const summary = await importMbox({ db, file: path.join(CORPUS, 'mbox/mikel-cpython-mboxrd.mbox'), now });
    // All three were stored before, from their own files: the mboxrd copy is the same messages.
    expect([summary.itemsDone, summary.created, summary.skipped, summary.rejected]).toEqual([3, 0, 3, 0]);
    expect(rowsAfter(before)).toEqual([]);
    const macbook = outcomes.find((o) => o.file === 'mikel-mail/error_emails/cant_parse_from.eml')?.row;
    expect(macbook?.textBody).toMatch(/^From one solid piece of aluminum/m);
  });

  it('stores nothing new when the whole corpus comes again as one CRLF mboxrd file', async () => {
    const stored = outcomes.filter((o) => o.summary.rejected === 0);
    const parts = stored.map(({ raw }) => {
      let text = raw.toString('latin1');
      let separator = 'From keydesk-corpus'; // no envelope date: it would be one the message never had
      if (text.startsWith('From ') && !/^From[ \t]+:/.test(text)) {
        const end = text.indexOf('\n');
        separator = text.slice(0, end).replace(/\r$/, '');
        text = text.slice(end + 1);
      }
      // mboxrd: every body line that starts with >*From gets one more >.
      const body = text.replace(/\r?\n/g, '\n').replace(/^(>*From )/gm, '>$1');
      return `${separator}\n${body}${body.endsWith('\n') ? '' : '\n'}\n`.replace(/\n/g, '\r\n');
    });
    const file = path.join(db.dir, 'again.mbox');
    writeFileSync(file, Buffer.from(parts.join(''), 'latin1'));
    const before = lastId();
    const summary = await importMbox({ db, file, now, parseWorkers: 2 });
    expect(summary.itemsDone).toBe(stored.length);
    expect(summary.rejected).toBe(0);
    expect(summary.created).toBe(0);
    expect(summary.skipped).toBe(stored.length);
    expect(rowsAfter(before)).toEqual([]);
  });
});
