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
    // A boundary that never appears: the delimiter the writer really used, else one text part.
    const parts =
      (boundary ? splitParts(body, boundary[1] ?? boundary[2] ?? '') : null) ??
      splitParts(body, guessBoundary(body));
    if (!parts) return decodeLeaf('', body);
    return parts
      .map((part) => {
        const at = partBodyOffset(part);
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

/** Where a part's body starts: after its headers, at once when it has none, at 0 when it is all text. */
function partBodyOffset(part: Buffer): number {
  if (part[0] === 0x0a) return 1;
  if (part[0] === 0x0d && part[1] === 0x0a) return 2;
  const at = bodyOffset(part);
  const startsWithHeader = /^[!-9;-~]+[ \t]*:/.test(part.subarray(0, 200).toString('latin1'));
  return at === part.length && !startsWithHeader ? 0 : at;
}

/** The first `--token` line of a body: the delimiter its writer used, whatever the header said. */
function guessBoundary(body: Buffer): string {
  const match = /^--(\S{3,})[ \t]*\r?$/m.exec(body.toString('latin1'));
  return match?.[1]?.replace(/--$/, '') ?? '';
}

/**
 * A `boundary=` parameter whose delimiter line never appears in the message: mailparser then reads
 * the wrong parts (or none), so the caller falls back to the forgiving walk.
 */
export function hasMissingBoundary(raw: Buffer): boolean {
  let at = raw.indexOf('boundary=');
  while (at >= 0) {
    const value = /^boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(raw.subarray(at, at + 300).toString('latin1'));
    const boundary = value?.[1] ?? value?.[2];
    if (boundary && !hasDelimiterLine(raw, boundary)) return true;
    at = raw.indexOf('boundary=', at + 9);
  }
  return false;
}

/**
 * A text part labelled base64 whose body is not base64 (plain text written as it is): decoded, it
 * becomes noise that a single-byte charset shows as plausible letters, so it is found on the raw.
 */
export function hasTextNotInBase64(raw: Buffer): boolean {
  for (let at = raw.indexOf('base64'); at >= 0; at = raw.indexOf('base64', at + 6)) {
    const lineStart = raw.lastIndexOf(0x0a, at) + 1;
    if (
      !/^content-transfer-encoding:[ \t]*"?base64/i.test(raw.subarray(lineStart, at + 6).toString('latin1'))
    )
      continue;
    const headersStart = Math.max(raw.lastIndexOf('\n\n', at), raw.lastIndexOf('\n\r\n', at), -1) + 1;
    const bodyStart = bodyOffsetFrom(raw, at);
    const headers = raw.subarray(headersStart, bodyStart).toString('latin1');
    const type = /^content-type:[ \t]*([^;\s]+)/im.exec(headers)?.[1]?.toLowerCase() ?? 'text/plain';
    if (!type.startsWith('text/')) continue;
    const next = raw.indexOf('\n--', bodyStart);
    const body = raw.subarray(bodyStart, next < 0 ? raw.length : next);
    if (body.toString('latin1').trim() !== '' && !looksLikeBase64(body)) return true;
  }
  return false;
}

function bodyOffsetFrom(raw: Buffer, from: number): number {
  const rest = raw.subarray(from);
  return from + bodyOffset(rest);
}

function hasDelimiterLine(raw: Buffer, boundary: string): boolean {
  const delimiter = Buffer.from(`\n--${boundary}`, 'latin1');
  for (let at = raw.indexOf(delimiter); at >= 0; at = raw.indexOf(delimiter, at + 1)) {
    const next = raw[at + delimiter.length];
    if (
      next === undefined ||
      next === 0x0a ||
      next === 0x0d ||
      next === 0x20 ||
      next === 0x09 ||
      next === 0x2d
    ) {
      if (next !== 0x2d || raw[at + delimiter.length + 1] === 0x2d) return true;
    }
  }
  return false;
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
  if (encoding === 'base64' && looksLikeBase64(body)) {
    const decoded = repairMojibake(decodeBytes(Buffer.from(body.toString('latin1'), 'base64'), charset));
    // Text that only happens to use base64's letters decodes to noise: then it was text all along.
    if (!isGarbled(decoded)) return decoded;
  }
  const bytes = encoding === 'quoted-printable' ? decodeQuotedPrintable(body) : body;
  return repairMojibake(decodeBytes(bytes, charset));
}

function looksLikeBase64(body: Buffer): boolean {
  const compact = body.toString('latin1').replace(/\s+/g, '');
  return compact.length > 0 && compact.length % 4 === 0 && /^[A-Za-z0-9+/]+={0,2}$/.test(compact);
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
export function isGarbled(text: string, raw?: Buffer): boolean {
  if (text.includes('\uFFFD') && (!raw || raw.indexOf(REPLACEMENT_UTF8) < 0)) return true;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it counts
  const controls = text.match(/[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g)?.length ?? 0;
  return controls > 0 && controls * 20 > text.length;
}

const REPLACEMENT_UTF8 = Buffer.from('\uFFFD');

// Windows-1252's characters for the bytes 0x80–0x9F, in order (the undefined ones as C1 controls).
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const MOJIBAKE =
  /[\u00C2-\u00F4][\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013-\u203A\u20AC\u2122]/;

/**
 * UTF-8 read as Latin-1 or Windows-1252 (`cafÃ©`): when the text maps back to bytes that are valid
 * UTF-8 as a whole, those bytes were UTF-8. Real Latin-1 text almost never is valid UTF-8.
 */
export function repairMojibake(text: string): string {
  if (!MOJIBAKE.test(text)) return text;
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code <= 0xff) bytes.push(code);
    else {
      const index = CP1252_HIGH.indexOf(char);
      if (index < 0) return text; // a character no single-byte reading produced
      bytes.push(0x80 + index);
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes));
  } catch {
    return text;
  }
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
