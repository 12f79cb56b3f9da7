import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CsvImportError, RowRejectedError } from './csv-kind.ts';
import { type CsvItem, readCsvBatches } from './csv-reader.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'keydesk-csv-reader-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Field = 'id' | 'note';
const kind = {
  columns: { id: ['ID'], note: ['Note'] } as Record<Field, readonly string[]>,
  required: [['id']] as const,
  read(row: Record<Field, string>) {
    if (row.id === 'bad') throw new RowRejectedError('bad id');
    return `${row.id}:${row.note}`;
  },
};

async function read(text: string | Buffer, options: { resumeAfter?: number; batchSize?: number } = {}) {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(file, text);
  const items: CsvItem<string>[] = [];
  const batches: { size: number; bytesDone: number; done: boolean }[] = [];
  for await (const batch of readCsvBatches(kind, {
    file,
    now: new Date(),
    resumeAfter: options.resumeAfter ?? 0,
    batchSize: options.batchSize ?? 1000,
  })) {
    items.push(...batch.items);
    batches.push({ size: batch.items.length, bytesDone: batch.bytesDone, done: batch.done });
  }
  return { items, batches };
}

describe('readCsvBatches', () => {
  it('reads quoted line breaks, empty lines, CRLF and a BOM, with the line each record starts on', async () => {
    const { items } = await read(
      '\uFEFFID,Note\r\n1,plain\r\n\r\n2,"two\r\nlines"\r\n3,"say ""hi"""\r\nbad,x\r\n4,a,b\r\n',
    );
    expect(items).toEqual([
      { line: 2, value: '1:plain' },
      { line: 4, value: '2:two\r\nlines' },
      { line: 6, value: '3:say "hi"' },
      { line: 7, reason: 'bad id' },
      { line: 8, reason: 'expected 2 columns, found 3' },
    ]);
  });

  it('reads a file mixing LF and CRLF lines, and one with CR alone', async () => {
    expect((await read('ID,Note\r\n1,a\n2,"b"\r\n3,c')).items).toEqual([
      { line: 2, value: '1:a' },
      { line: 3, value: '2:b' },
      { line: 4, value: '3:c' },
    ]);
    expect((await read('ID,Note\r1,a\r2,b\r')).items).toEqual([
      { line: 2, value: '1:a' },
      { line: 3, value: '2:b' },
    ]);
  });

  it('takes the separator the header line uses most', async () => {
    expect((await read('Note;ID\n1234,50;1\n')).items).toEqual([{ line: 2, value: '1:1234,50' }]);
    expect((await read('ID\tNote\n1\ta;b\n')).items).toEqual([{ line: 2, value: '1:a;b' }]);
  });

  it('reads records that cross its 256 KiB chunks exactly as a whole-file parse does', async () => {
    // Multi-line quoted notes and multibyte characters land on every possible cut.
    const rows: string[] = [];
    const expected: CsvItem<string>[] = [];
    let line = 2;
    for (let i = 0; i < 30_000; i++) {
      const note = i % 7 === 0 ? `line one ${i}\nline two é ${'x'.repeat(i % 13)}` : `note ü ${i}`;
      rows.push(`${i},${note.includes('\n') ? `"${note}"` : note}`);
      expected.push({ line, value: `${i}:${note}` });
      line += note.includes('\n') ? 2 : 1;
    }
    const text = `ID,Note\n${rows.join('\n')}\n`;
    expect(Buffer.byteLength(text)).toBeGreaterThan(2 * 256 * 1024);
    const { items, batches } = await read(text, { batchSize: 4_000 });
    expect(items).toEqual(expected);
    expect(batches.map((b) => b.size)).toEqual([4_000, 4_000, 4_000, 4_000, 4_000, 4_000, 4_000, 2_000]);
    // Progress counts bytes, not characters, and grows batch by batch.
    const done = batches.map((b) => b.bytesDone);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(done.at(-1)).toBe(Buffer.byteLength(text));
  });

  it('skips the records an interrupted run already imported', async () => {
    const { items } = await read('ID,Note\n1,a\nbad,b\n3,c\n', { resumeAfter: 2 });
    expect(items).toEqual([{ line: 4, value: '3:c' }]);
  });

  it('rejects a quote never closed at the end, keeping the records before it', async () => {
    const { items } = await read('ID,Note\n1,a\n2,"open\n3,c\n');
    expect(items).toEqual([
      { line: 2, value: '1:a' },
      { line: 3, reason: 'a quoted field is never closed (the rest of the file is in it)' },
    ]);
  });

  it('stops at a record over 1 MiB, naming its line, after yielding the records before it', async () => {
    const text = `ID,Note\n1,a\n2,"${'y\n'.repeat(600_000)}`;
    const items: CsvItem<string>[] = [];
    const file = path.join(dir, 'huge.csv');
    writeFileSync(file, text);
    const reading = (async () => {
      for await (const batch of readCsvBatches(kind, { file, now: new Date(), resumeAfter: 0, batchSize: 1 }))
        items.push(...batch.items);
    })();
    await expect(reading).rejects.toThrow(
      new CsvImportError(
        'The record starting on line 3 is longer than 1 MiB: most likely a quote there is never closed. The rows before it were imported.',
      ),
    );
    expect(items).toEqual([{ line: 2, value: '1:a' }]);
  });

  it('names a missing header and an empty file', async () => {
    await expect(read('Name,Note\nx,y\n')).rejects.toThrow(/no id column/);
    await expect(read('')).rejects.toThrow('The file is empty: no header line.');
  });
});
