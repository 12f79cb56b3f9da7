// Email attachments are stored as bytes, in whatever charset the sender used. Text ones (.txt,
// .csv, .html, text/*, JSON, XML, or bytes that sniff as text) get the same redaction as bodies;
// other files get every byte of a card number overwritten in place, so their length and layout
// (a PDF's offsets) stay intact.
import { findCardNumbers } from './find-card-numbers.ts';
import { CARD_REDACTION_MARK, redactCardNumbers } from './redact-card-numbers.ts';

export type AttachmentToRedact = { filename: string | null; contentType: string; content: Buffer };

const TEXT_TYPE =
  /^(text\/|message\/|application\/(json|xml|csv|x-csv|rtf|javascript|x-www-form-urlencoded)\b|[^;]*\+(json|xml)\b)/i;
const TEXT_EXTENSION = /\.(txt|text|csv|tsv|html?|xml|json|md|log|eml|ics|vcf|rtf|ya?ml|ini|cfg|conf)$/i;
const SNIFF_BYTES = 8192;
const MASK_BYTE = 0x2a; // '*'

function isUtf16(content: Buffer): 'utf16le' | 'utf16be' | null {
  if (content[0] === 0xff && content[1] === 0xfe) return 'utf16le';
  if (content[0] === 0xfe && content[1] === 0xff) return 'utf16be';
  return null;
}

function looksLikeText(attachment: AttachmentToRedact): boolean {
  if (TEXT_TYPE.test(attachment.contentType)) return true;
  if (attachment.filename && TEXT_EXTENSION.test(attachment.filename)) return true;
  // No NUL byte in the head: a text file sent as application/octet-stream.
  return !attachment.content.subarray(0, SNIFF_BYTES).includes(0);
}

function redactUtf16(content: Buffer, order: 'utf16le' | 'utf16be'): Buffer {
  const swap = (bytes: Buffer) => (order === 'utf16be' ? Buffer.from(bytes).swap16() : bytes);
  const even = content.subarray(2, content.length - (content.length % 2));
  const text = swap(even).toString('utf16le');
  const redacted = redactCardNumbers(text);
  if (redacted === text) return content;
  return Buffer.concat([content.subarray(0, 2), swap(Buffer.from(redacted, 'utf16le'))]);
}

/** The attachment's bytes with every card number removed; the same Buffer when none was found. */
export function redactAttachmentContent(attachment: AttachmentToRedact): Buffer {
  const { content } = attachment;
  const utf16 = isUtf16(content);
  if (utf16) return redactUtf16(content, utf16);
  // latin1 keeps one character per byte: ASCII-compatible charsets and UTF-8 (decoded by the
  // scan itself) are both read right, and spans are byte offsets.
  const spans = findCardNumbers(content.toString('latin1'));
  if (spans.length === 0) return content;
  if (!looksLikeText(attachment)) {
    const masked = Buffer.from(content);
    for (const span of spans) masked.fill(MASK_BYTE, span.start, span.end);
    return masked;
  }
  const parts: Buffer[] = [];
  let at = 0;
  for (const span of spans) {
    parts.push(content.subarray(at, span.start), Buffer.from(CARD_REDACTION_MARK, 'latin1'));
    at = span.end;
  }
  parts.push(content.subarray(at));
  return Buffer.concat(parts);
}
