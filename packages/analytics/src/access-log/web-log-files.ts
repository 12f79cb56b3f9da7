// What was actually imported, per file (WebLogFile): a file is known by the SHA-256 of its first
// bytes of text (after gunzip, so `access.log.1` and logrotate's `access.log.1.gz` are one file), and
// it was read from its start up to bytesTaken. Importing the same file again reads nothing; a grown
// file (appended, or renamed by logrotate and written to until the server reopened its log) is read
// from bytesTaken on; another server's log of the same day has other first bytes and counts in full.
// A file first seen shorter than HEAD_BYTES is known by all its text then: a later file starting
// with exactly those lines is taken as its continuation (with real logs, only the same file does).
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { DomainError } from '@keydesk/db';
import type Database from 'better-sqlite3';

/** How many bytes of text identify a file: about 300 log lines, so two logs never share them. */
export const HEAD_BYTES = 65_536;

export type KnownFile = {
  id: number;
  bytesTaken: number;
  linesTaken: number;
  headLength: number;
  /** Read to the end by the importer before WebLogFile existed (matched by raw bytes and size). */
  isLegacyWhole: boolean;
};

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The first `limit` bytes of the file as stored (gzip or not). */
export async function readRawHead(file: string, limit = HEAD_BYTES): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(limit);
    const { bytesRead } = await handle.read(buffer, 0, limit, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The first HEAD_BYTES of the file's text: the raw head, or the start of the gunzipped stream. */
export async function readTextHead(file: string, rawHead: Buffer, isGzip: boolean): Promise<Buffer> {
  if (!isGzip) return rawHead;
  const parts: Buffer[] = [];
  let length = 0;
  const stream = createReadStream(file).pipe(createGunzip());
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      parts.push(chunk);
      length += chunk.length;
      if (length >= HEAD_BYTES) break;
    }
  } catch {
    // A truncated .gz: its readable start still identifies it; the import reports the cut.
  } finally {
    stream.destroy();
  }
  return Buffer.concat(parts).subarray(0, HEAD_BYTES);
}

type Row = { id: number; bytesTaken: number; linesTaken: number; headLength: number };

/** The record this file continues, if any: the one whose head is a prefix of this file's text. */
export function findKnownFile(
  sqlite: Database.Database,
  file: { textHead: Buffer; rawHead: Buffer; rawSize: number; isGzip: boolean },
): KnownFile | null {
  const lengths = sqlite
    .prepare('SELECT DISTINCT headLength FROM WebLogFile WHERE headLength <= ? ORDER BY headLength DESC')
    .pluck()
    .safeIntegers(false)
    .all(file.textHead.length) as number[];
  // A migrated row hashed raw bytes: for a plain file those are its text, and a gzip file's raw bytes
  // (1f 8b …) are no log's text, so matching every row by the text's hash is right for both.
  const byHead = sqlite.prepare(
    'SELECT id, bytesTaken, linesTaken, headLength FROM WebLogFile WHERE headHash = ? AND headLength = ?',
  );
  for (const length of lengths) {
    if (length === 0) continue;
    const row = byHead.safeIntegers(false).get(sha256(file.textHead.subarray(0, length)), length) as
      | Row
      | undefined;
    if (row) return { ...row, isLegacyWhole: false };
  }
  if (!file.isGzip) return null;
  const legacy = sqlite
    .prepare(
      `SELECT id, bytesTaken, linesTaken, headLength FROM WebLogFile
       WHERE rawHead = 1 AND headHash = ? AND headLength = ? AND bytesTaken = ?`,
    )
    .safeIntegers(false)
    .get(sha256(file.rawHead), file.rawHead.length, file.rawSize) as Row | undefined;
  return legacy ? { ...legacy, isLegacyWhole: true } : null;
}

/** A new file: recorded before its first line is read, so its ImportRun can name it from the start. */
export function insertLogFile(
  sqlite: Database.Database,
  options: { textHead: Buffer; name: string; source: string; now: Date },
): number {
  return Number(
    sqlite
      .prepare(
        `INSERT INTO WebLogFile (headHash, headLength, rawHead, bytesTaken, linesTaken, name, source, updatedAt)
         VALUES (?, ?, 0, 0, 0, ?, ?, ?) RETURNING id`,
      )
      .pluck()
      .get(
        sha256(options.textHead),
        options.textHead.length,
        options.name,
        options.source,
        options.now.getTime(),
      ),
  );
}

export class ConcurrentImportError extends DomainError {
  readonly kind = 'conflict';
}

/**
 * Moves a file's position forward; called inside the transaction that stores the counters of the
 * same lines. Fails when the row moved since `expectedBytes`: another import of this file is running.
 */
export function createLogFileAdvancer(sqlite: Database.Database) {
  const advance = sqlite.prepare(
    `UPDATE WebLogFile SET bytesTaken = ?, linesTaken = ?, name = ?, updatedAt = ?, rawHead = 0
     WHERE id = ? AND bytesTaken = ?`,
  );
  // A file first seen small is known by fewer bytes; once it has grown, the full head is kept.
  // A row migrated from the old importer learns its text hash on its first advance.
  const lengthen = sqlite.prepare(
    `UPDATE OR IGNORE WebLogFile SET headHash = ?, headLength = ?
     WHERE id = ? AND (headLength < ? OR rawHead = 1)`,
  );
  return (options: {
    id: number;
    expectedBytes: number;
    bytesTaken: number;
    linesTaken: number;
    name: string;
    now: Date;
    textHead: Buffer;
  }) => {
    const length = options.textHead.length;
    lengthen.run(sha256(options.textHead), length, options.id, length);
    const { changes } = advance.run(
      options.bytesTaken,
      options.linesTaken,
      options.name,
      options.now.getTime(),
      options.id,
      options.expectedBytes,
    );
    if (changes !== 1)
      throw new ConcurrentImportError('Another import of this file moved it on; this one stopped.');
  };
}
