// When mailparser's reading of a body is empty or garbled (a boundary that never appears, Latin-1
// bytes labelled us-ascii, plain text labelled base64), this reads the raw message again with a
// forgiving walk: boundaries searched as written, transfer encodings applied only where the data
// fits them, and the charset chosen by what decodes cleanly. The caller records that it was needed.
import { htmlToText } from './html-text.ts';

const MAX_DEPTH = 6;

/** Byte offset where the body starts (after the first empty line), or the length if none. */
export function bodyOffset(raw: Buffer): number {
  const lf = raw.indexOf('\n\n');
  const crlf = raw.indexOf('\r\n\r\n');
  if (lf < 0 && crlf < 0) return raw.length;
  if (crlf >= 0 && (lf < 0 || crlf + 2 <= lf)) return crlf + 4;
  return lf + 2;
}

/**
 * A header block that ends with a line of only spaces or tabs instead of an empty line: mailparser
 * reads every body line after it as headers, so the body is lost. Such a line becomes empty.
 */
export function repairHeaderBlock(raw: Buffer): Buffer | null {
  const head = raw.subarray(0, bodyOffset(raw)).toString('latin1');
  if (!/\n[ \t]+\r?\n/.test(head)) return null; // the usual case, in one scan
  let pos = 0;
  for (;;) {
    const end = head.indexOf('\n', pos);
    if (end < 0) return null;
    const line = head.slice(pos, end).replace(/\r$/, '');
    if (line === '') return null;
    if (/^[ \t]+$/.test(line)) {
      const nextEnd = head.indexOf('\n', end + 1);
      const next = head.slice(end + 1, nextEnd < 0 ? head.length : nextEnd);
      // Followed by a header or a continuation it is an odd fold, not the end of the headers.
      if (!/^([ \t]|[!-9;-~]+[ \t]*:)/.test(next)) {
        return Buffer.concat([raw.subarray(0, pos), raw.subarray(pos + line.length)]);
      }
    }
    pos = end + 1;
  }
}

/** The readable text of a raw message by the forgiving walk; '' when it has none. */
export function decodeRawText(raw: Buffer): string {
  const at = bodyOffset(raw);
  return decodeEntity(raw.subarray(0, at).toString('latin1'), raw.subarray(at), 0).trim();
}

function decodeEntity(headers: string, body: Buffer, depth: number): string {
  const type = (/^content-type:[ \t]*([^;\s]+)/im.exec(headers)?.[1] ?? 'text/plain').toLowerCase();
  if (type.startsWith('multipart/') && depth < MAX_DEPTH) {
    const boundary = /boundary[ \t]*=[ \t]*(?:"([^"]+)"|([^;\s]+))/i.exec(headers);
    const parts = boundary ? splitParts(body, boundary[1] ?? boundary[2] ?? '') : null;
    // A boundary that never appears: the body is read as one text part, not dropped.
    if (!parts) return decodeLeaf('', body);
    return parts
      .map((part) => {
        const at = bodyOffset(part);
        const partHeaders = part.subarray(0, at).toString('latin1');
        return decodeEntity(partHeaders, part.subarray(at), depth + 1);
      })
      .filter((text) => text.trim() !== '')
      .join('\n\n');
  }
  if (type === 'message/rfc822' && depth < MAX_DEPTH) return decodeRawText(body);
  if (type.startsWith('text/') || type.startsWith('message/')) {
    const text = decodeLeaf(headers, body);
    return type === 'text/html' ? htmlToText(text) : text;
  }
  return ''; // images, archives and the like are attachments, not text
}

function splitParts(body: Buffer, boundary: string): Buffer[] | null {
  if (boundary === '') return null;
  const text = body.toString('latin1');
  // RFC 2046: the boundary must start the line; what follows it on the line is to be ignored.
  const delimiter = new RegExp(`^--${escapeRegExp(boundary)}(--)?(?:[ \\t][^\\n]*)?\\r?$`, 'gm');
  const cuts: { start: number; end: number; last: boolean }[] = [];
  for (const match of text.matchAll(delimiter)) {
    cuts.push({ start: match.index, end: match.index + match[0].length, last: match[1] === '--' });
  }
  if (cuts.length === 0) return null;
  const parts: Buffer[] = [];
  for (let i = 0; i < cuts.length; i++) {
    const cut = cuts[i];
    if (!cut || cut.last) break;
    const next = cuts[i + 1]?.start ?? text.length;
    parts.push(body.subarray(cut.end + 1, next));
  }
  return parts;
}

function decodeLeaf(headers: string, body: Buffer): string {
  const encoding = (/^content-transfer-encoding:[ \t]*([^;\s]+)/im.exec(headers)?.[1] ?? '').toLowerCase();
  const charset = /charset[ \t]*=[ \t]*"?([^";\s]+)"?/i.exec(headers)?.[1] ?? null;
  let bytes = body;
  if (encoding === 'base64' && looksLikeBase64(body)) bytes = Buffer.from(body.toString('latin1'), 'base64');
  else if (encoding === 'quoted-printable') bytes = decodeQuotedPrintable(body);
  return decodeBytes(bytes, charset);
}

function looksLikeBase64(body: Buffer): boolean {
  const compact = body.toString('latin1').replace(/\s+/g, '');
  return compact.length > 0 && /^[A-Za-z0-9+/]+={0,2}$/.test(compact);
}

function decodeQuotedPrintable(body: Buffer): Buffer {
  const text = body.toString('latin1').replace(/=\r?\n/g, '');
  return Buffer.from(
    text.replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
    'latin1',
  );
}

const ASCII_OR_UTF8 = /^(us-?ascii|ascii|utf-?8|ansi_x3\.4-1968|x-unknown|unknown-8bit)$/i;

/** The declared charset when it decodes cleanly, else UTF-8 when valid, else Windows-1252. */
export function decodeBytes(bytes: Buffer, charset: string | null): string {
  if (charset && !ASCII_OR_UTF8.test(charset)) {
    try {
      return new TextDecoder(charset, { fatal: true }).decode(bytes);
    } catch {
      // unknown label or bytes that do not fit it: detect below
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/**
 * Text that did not decode: replacement characters the raw message does not itself contain, or
 * control characters where a wrong transfer encoding turned text into bytes.
 */
export function isGarbled(text: string, raw: Buffer): boolean {
  if (text.includes('\uFFFD') && raw.indexOf(REPLACEMENT_UTF8) < 0) return true;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it counts
  const controls = text.match(/[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g)?.length ?? 0;
  return controls > 0 && controls * 20 > text.length;
}

const REPLACEMENT_UTF8 = Buffer.from('\uFFFD');

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
