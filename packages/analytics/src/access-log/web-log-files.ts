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
import {
  advanceLogFile,
  insertLogFile as insertLogFileRow,
  knownHeadLengths,
  legacyWholeLogFile,
  lengthenLogFileHead,
  logFileByHead,
} from '../sql/access-log.ts';

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

/** The record this file continues, if any: the one whose head is a prefix of this file's text. */
export function findKnownFile(
  sqlite: Database.Database,
  file: { textHead: Buffer; rawHead: Buffer; rawSize: number; isGzip: boolean },
): KnownFile | null {
  const lengths = knownHeadLengths.all(sqlite, { atMost: file.textHead.length });
  // A migrated row hashed raw bytes: for a plain file those are its text, and a gzip file's raw bytes
  // (1f 8b …) are no log's text, so matching every row by the text's hash is right for both.
  for (const { headLength } of lengths) {
    if (headLength === 0) continue;
    const headHash = sha256(file.textHead.subarray(0, headLength));
    const row = logFileByHead.get(sqlite, { headHash, headLength });
    if (row) return { ...row, isLegacyWhole: false };
  }
  if (!file.isGzip) return null;
  const legacy = legacyWholeLogFile.get(sqlite, {
    headHash: sha256(file.rawHead),
    headLength: file.rawHead.length,
    size: file.rawSize,
  });
  return legacy ? { ...legacy, isLegacyWhole: true } : null;
}

/** A new file: recorded before its first line is read, so its ImportRun can name it from the start. */
export function insertLogFile(
  sqlite: Database.Database,
  options: { textHead: Buffer; name: string; source: string; now: Date },
): number {
  const row = insertLogFileRow.get(sqlite, {
    headHash: sha256(options.textHead),
    headLength: options.textHead.length,
    name: options.name,
    source: options.source,
    now: options.now.getTime(),
  });
  if (!row) throw new Error('INSERT … RETURNING returned no WebLogFile id');
  return row.id;
}

export class ConcurrentImportError extends DomainError {
  readonly kind = 'conflict';
}

/**
 * Moves a file's position forward; called inside the transaction that stores the counters of the
 * same lines. Fails when the row moved since `expectedBytes`: another import of this file is running.
 */
export function createLogFileAdvancer(sqlite: Database.Database) {
  return (options: {
    id: number;
    expectedBytes: number;
    bytesTaken: number;
    linesTaken: number;
    name: string;
    now: Date;
    textHead: Buffer;
  }) => {
    const headLength = options.textHead.length;
    lengthenLogFileHead.run(sqlite, { id: options.id, headHash: sha256(options.textHead), headLength });
    const { changes } = advanceLogFile.run(sqlite, {
      id: options.id,
      expectedBytes: options.expectedBytes,
      bytesTaken: options.bytesTaken,
      linesTaken: options.linesTaken,
      name: options.name,
      now: options.now.getTime(),
    });
    if (changes !== 1)
      throw new ConcurrentImportError('Another import of this file moved it on; this one stopped.');
  };
}
