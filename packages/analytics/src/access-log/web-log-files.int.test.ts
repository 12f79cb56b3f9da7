import { createHash } from 'node:crypto';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { createTestDb, type TestDb } from '@keydesk/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importLogFile } from '../testing/import-log-file.ts';
import { STOPPED_RUN } from './access-log-sql.ts';
import { CUT_LINE_REST, OVERLONG_LINE } from './import-access-log.ts';

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';

function line(ip: string, time: string, target = '/'): string {
  return `${ip} - - [${time} +0000] "GET ${target} HTTP/1.1" 200 512 "-" "${FIREFOX}"`;
}

let db: TestDb;
beforeEach(async () => {
  db = await createTestDb();
});
afterEach(async () => {
  await db.destroy();
});

const importFile = (file: string) => importLogFile(db, file, new Date('2025-03-05T00:00:00Z'));

const pageViews = () =>
  Number(db.sqlite.prepare('SELECT COALESCE(SUM(pageViews), 0) FROM WebDailyCountry').pluck().get());

describe('what counts as already imported', () => {
  it('counts two servers’ logs of the same day in full, even at the same seconds', async () => {
    const times = ['01/Mar/2025:10:00:00', '01/Mar/2025:10:00:01', '01/Mar/2025:10:00:02'];
    const a = path.join(db.dir, 'web1.log');
    const b = path.join(db.dir, 'web2.log');
    writeFileSync(a, `${times.map((t, i) => line(`8.8.8.${i}`, t)).join('\n')}\n`);
    writeFileSync(b, `${times.map((t, i) => line(`1.1.1.${i}`, t, '/pricing')).join('\n')}\n`);
    expect(await importFile(a)).toMatchObject({ stored: 3, duplicates: 0 });
    expect(await importFile(b)).toMatchObject({ stored: 3, duplicates: 0 });
    expect(pageViews()).toBe(6);
  });

  it('counts both lines of the second shared by a rotated log and the new one', async () => {
    const old = path.join(db.dir, 'access.log.1');
    const fresh = path.join(db.dir, 'access.log');
    writeFileSync(
      old,
      `${line('8.8.8.8', '01/Mar/2025:23:59:58')}\n${line('8.8.8.8', '01/Mar/2025:23:59:59')}\n`,
    );
    writeFileSync(
      fresh,
      `${line('8.8.4.4', '01/Mar/2025:23:59:59')}\n${line('8.8.4.4', '02/Mar/2025:00:00:00')}\n`,
    );
    await importFile(old);
    expect(await importFile(fresh)).toMatchObject({ stored: 2, duplicates: 0 });
    expect(pageViews()).toBe(4);
  });

  it('reads a renamed, grown and then compressed file only past what was taken', async () => {
    const live = path.join(db.dir, 'access.log');
    writeFileSync(live, `${line('8.8.8.8', '01/Mar/2025:10:00:00')}\n`);
    expect(await importFile(live)).toMatchObject({ lines: 1, stored: 1 });
    appendFileSync(live, `${line('8.8.8.8', '01/Mar/2025:10:00:05', '/a')}\nnot a line\n`);
    expect(await importFile(live)).toMatchObject({ lines: 3, duplicates: 1, stored: 1, refused: 1 });
    // logrotate renamed it; the server wrote one more line before reopening; then it was gzipped.
    const rotated = path.join(db.dir, 'access.log.1.gz');
    const text = `${line('8.8.8.8', '01/Mar/2025:10:00:00')}\n${line('8.8.8.8', '01/Mar/2025:10:00:05', '/a')}\nnot a line\n${line('8.8.8.8', '01/Mar/2025:10:00:09', '/b')}\n`;
    writeFileSync(rotated, gzipSync(text));
    const last = await importFile(rotated);
    expect(last).toMatchObject({ lines: 4, duplicates: 3, stored: 1, refused: 0 });
    expect(pageViews()).toBe(3);
    expect(await importFile(rotated)).toMatchObject({ lines: 4, duplicates: 4, stored: 0 });
  });

  it('keeps one ImportRun per start position, and marks a run cut off by a dead process as failed', async () => {
    const file = path.join(db.dir, 'runs.log');
    writeFileSync(file, `${line('8.8.8.8', '01/Mar/2025:10:00:00')}\n`);
    await importFile(file);
    db.sqlite.prepare(`UPDATE ImportRun SET status = 'running'`).run();
    appendFileSync(file, `${line('8.8.8.8', '01/Mar/2025:10:00:01')}\n`);
    await importFile(file);
    const runs = db.sqlite
      .prepare('SELECT status, itemsDone, created, skipped, errors FROM ImportRun ORDER BY id')
      .safeIntegers(false)
      .all() as { status: string; itemsDone: number; created: number; skipped: number; errors: string }[];
    expect(runs.map(({ errors, ...run }) => run)).toEqual([
      { status: 'failed', itemsDone: 1, created: 1, skipped: 0 },
      { status: 'completed', itemsDone: 2, created: 1, skipped: 1 },
    ]);
    expect(runs[0]?.errors).toContain(STOPPED_RUN);
  });

  it('refuses a "line" of megabytes without holding it, and goes on after it', async () => {
    const file = path.join(db.dir, 'binary.log');
    const junk = 'x'.repeat(3 << 20);
    writeFileSync(
      file,
      `${line('8.8.8.8', '01/Mar/2025:10:00:00')}\n${junk}\n${line('8.8.8.8', '01/Mar/2025:10:00:01')}\n`,
    );
    const result = await importFile(file);
    expect(result).toMatchObject({ lines: 3, stored: 2, refused: 1 });
    expect(result.refusedLines).toEqual([{ line: 2, reason: OVERLONG_LINE }]);
    expect(await importFile(file)).toMatchObject({ lines: 3, duplicates: 3 });
  });

  it('takes a last line without a newline, and never counts it twice when the file goes on', async () => {
    const file = path.join(db.dir, 'open.log');
    writeFileSync(
      file,
      `${line('8.8.8.8', '01/Mar/2025:10:00:00')}\n${line('8.8.8.8', '01/Mar/2025:10:00:01')}`,
    );
    expect(await importFile(file)).toMatchObject({ lines: 2, stored: 2 });
    appendFileSync(file, `\n${line('8.8.8.8', '01/Mar/2025:10:00:02')}\n`);
    expect(await importFile(file)).toMatchObject({ lines: 3, duplicates: 2, stored: 1, refused: 0 });
    expect(pageViews()).toBe(3);
  });

  it('refuses, with its reason, the rest of a last line that was cut when it was read', async () => {
    const file = path.join(db.dir, 'cut.log');
    const whole = line('8.8.8.8', '01/Mar/2025:10:00:01');
    writeFileSync(file, `${line('8.8.8.8', '01/Mar/2025:10:00:00')}\n${whole.slice(0, 20)}`);
    expect(await importFile(file)).toMatchObject({ lines: 2, stored: 1, refused: 1 });
    appendFileSync(file, `${whole.slice(20)}\n`);
    const next = await importFile(file);
    expect(next).toMatchObject({ lines: 3, duplicates: 2, refused: 1 });
    expect(next.refusedLines).toEqual([{ line: 3, reason: CUT_LINE_REST }]);
  });

  it('recognises files the old importer read whole (migrated ImportRun rows), plain and gzip', async () => {
    const plain = path.join(db.dir, 'old.log');
    const gz = path.join(db.dir, 'old.log.2.gz');
    const text = `${line('8.8.8.8', '01/Mar/2025:10:00:00')}\n${line('8.8.8.8', '01/Mar/2025:10:00:01')}\n`;
    writeFileSync(plain, text);
    writeFileSync(gz, gzipSync(text.replaceAll('8.8.8.8', '8.8.4.4')));
    const insert = db.sqlite.prepare(
      `INSERT INTO WebLogFile (headHash, headLength, rawHead, bytesTaken, linesTaken, name, source, updatedAt)
       VALUES (?, ?, 1, ?, 2, ?, 'web', 0)`,
    );
    for (const file of [plain, gz]) {
      const bytes = readFileSync(file);
      insert.run(createHash('sha256').update(bytes).digest('hex'), bytes.length, bytes.length, file);
    }
    // Before the plain file is read again, a gzip'd copy of it matches the migrated row by its text.
    const zipped = path.join(db.dir, 'old.log.1.gz');
    writeFileSync(zipped, gzipSync(text));
    expect(await importFile(zipped)).toMatchObject({ lines: 2, duplicates: 2, stored: 0 });
    expect(await importFile(plain)).toMatchObject({ lines: 2, duplicates: 2, stored: 0 });
    expect(await importFile(gz)).toMatchObject({ lines: 2, duplicates: 2, stored: 0 });
    // Now known by their text: a plain copy of the gzip'd one is the same file.
    const copy = path.join(db.dir, 'old.log.2');
    writeFileSync(copy, text.replaceAll('8.8.8.8', '8.8.4.4'));
    expect(await importFile(copy)).toMatchObject({ lines: 2, duplicates: 2, stored: 0 });
    expect(pageViews()).toBe(0);
  });
});
