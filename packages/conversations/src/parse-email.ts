// One raw RFC 5322 message → the fields Keydesk stores, card numbers redacted. mailparser does
// the MIME work (transfer encodings, charsets, RFC 2047 words, multipart trees, attachments);
// what it gets wrong on real mail is read from the raw message instead and, where the text itself
// could not be read cleanly, recorded in `parseProblems` so nothing is silently empty or garbled.

import { DomainError } from '@keydesk/db';
import { redactCardNumbers } from '@keydesk/privacy';
import type { AddressObject } from 'mailparser';
import { type DeliveryReport, readDeliveryReport } from './delivery-report.ts';
import {
  bodyOffset,
  decodeRawText,
  hasMissingBoundary,
  hasTextNotInBase64,
  isGarbled,
  repairHeaderBlock,
  repairMojibake,
} from './email-body-fallback.ts';
import {
  contentMessageId,
  dateFromHeaders,
  firstHeaderValue,
  type HeaderLine,
  messageIdTokens,
} from './email-headers.ts';
import { htmlToText } from './html-text.ts';

export type ParsedAttachment = {
  filename: string | null;
  contentType: string;
  size: number;
  contentId: string | null;
  isInline: boolean;
  checksum: string | null;
  /** Null when larger than the configured limit: metadata is kept, the bytes are not. */
  content: Buffer | null;
};

export type ParsedEmail = {
  messageId: string;
  gmailThreadId: string | null;
  gmailMessageId: string | null;
  inReplyTo: string | null;
  references: string[];
  fromAddress: string | null;
  fromName: string | null;
  to: string[];
  cc: string[];
  subject: string;
  /** Null when neither the message nor its transport says when it was sent. */
  sentAt: Date | null;
  textBody: string | null;
  htmlBody: string | null;
  attachments: ParsedAttachment[];
  /** What could not be read cleanly (and how the text was recovered); empty when all was well. */
  parseProblems: string[];
  /** A delivery status notification or abuse report, read from its machine-readable part. */
  deliveryReport?: DeliveryReport | null;
};

export class MalformedEmailError extends DomainError {
  readonly kind = 'invalid';
}

let mailparser: typeof import('mailparser') | undefined;

export type ParseEmailOptions = {
  /** Attachments up to this many bytes keep their content. */
  maxAttachmentBytes: number;
  /**
   * The transport's date (mbox envelope line, IMAP INTERNALDATE), used when neither the Date header
   * nor any Received header has one. Null when the transport has none either.
   */
  fallbackDate: Date | null;
  gmailThreadId?: string | null;
  gmailMessageId?: string | null;
};

export async function parseEmail(raw: Buffer, options: ParseEmailOptions): Promise<ParsedEmail> {
  if (!looksLikeHeaders(raw)) throw new MalformedEmailError('no header block');
  const problems: string[] = [];
  const repaired = repairHeaderBlock(raw);
  if (repaired) problems.push('the header block ended with a line of spaces instead of an empty line');
  const source = withPlainFromName(repaired ?? raw);
  let mail: import('mailparser').ParsedMail;
  // Loaded on first use, so the server's start-up does not pay for the MIME parser.
  mailparser ??= await import('mailparser');
  try {
    mail = await mailparser.simpleParser(source, {
      skipImageLinks: true, // inline images stay attachments, not data: URLs inside the HTML
      skipHtmlToText: true, // its renderer dominates import time; htmlToText covers HTML-only mail
      skipTextToHtml: true,
      skipTextLinks: true,
      keepCidLinks: true,
    });
  } catch (error) {
    throw new MalformedEmailError(error instanceof Error ? error.message : String(error));
  }
  const lines = mail.headerLines as HeaderLine[];
  const subject = redactCardNumbers(mail.subject ?? '');
  const from = firstAddress(mail.from) ?? addressFromRawHeader(firstHeaderValue(lines, 'from'));
  const body = readBody(mail, source, problems);
  const references = messageIdTokens(firstHeaderValue(lines, 'references') ?? '')
    .map(normalizeMessageId)
    .filter((id) => id !== '');
  const inReplyTo = messageIdTokens(firstHeaderValue(lines, 'in-reply-to') ?? '')[0] ?? '';
  const messageId = normalizeMessageId(mail.messageId ?? '') || contentMessageId(raw);
  return {
    messageId,
    gmailThreadId: options.gmailThreadId ?? (firstHeaderValue(lines, 'x-gm-thrid') || null),
    gmailMessageId: options.gmailMessageId ?? null,
    inReplyTo: normalizeMessageId(inReplyTo) || null,
    references,
    fromAddress: from?.address ?? null,
    fromName: from?.name ? redactCardNumbers(from.name) : null,
    to: addresses(mail.to),
    cc: addresses(mail.cc),
    subject,
    sentAt: dateFromHeaders(lines) ?? options.fallbackDate,
    textBody: body.text ? redactCardNumbers(body.text) : null,
    htmlBody: body.html ? redactCardNumbers(body.html) : null,
    attachments: mail.attachments.map((a) => ({
      filename: a.filename ?? null,
      contentType: a.contentType || 'application/octet-stream',
      size: a.size ?? a.content.length,
      contentId: a.cid ?? null,
      isInline: a.contentDisposition === 'inline' || a.related === true,
      checksum: a.checksum ?? null,
      content: a.content.length <= options.maxAttachmentBytes ? a.content : null,
    })),
    parseProblems: problems,
    deliveryReport: readDeliveryReport(firstHeaderValue(lines, 'content-type'), source),
  };
}

/**
 * mailparser's text, unless it is garbled or missing while the raw body has content: then the
 * forgiving raw reading, with the reason recorded.
 */
function readBody(
  mail: import('mailparser').ParsedMail,
  raw: Buffer,
  problems: string[],
): { text: string; html: string | null } {
  let html = typeof mail.html === 'string' && mail.html !== '' ? mail.html : null;
  let text = mail.text?.trim() ? mail.text : html ? htmlToText(html) : '';
  // A message that only forwards another as an attachment: its text is what the owner searches for.
  if (text === '' && mail.attachments.some((a) => a.contentType === 'message/rfc822')) {
    text = decodeRawText(raw);
  }
  const repairedText = repairMojibake(text);
  const repairedHtml = html && repairMojibake(html);
  if (repairedText !== text || repairedHtml !== html) {
    problems.push('text labelled as a single-byte charset was UTF-8; it is read as UTF-8');
    text = repairedText;
    html = repairedHtml;
  }
  let reason: string | null = null;
  if ((text !== '' && isGarbled(text, raw)) || (html !== null && isGarbled(html, raw))) {
    reason = 'the text did not decode in its labelled charset or transfer encoding';
  } else if (text === '' && mail.attachments.length === 0 && hasBodyBytes(raw)) {
    reason = 'no readable part was found in the MIME structure (a missing or wrong boundary?)';
  } else if (hasMissingBoundary(raw)) {
    reason = 'a multipart boundary never appears in the message, so its parts were read by guess';
  } else if (hasTextNotInBase64(raw)) {
    reason = 'a text part labelled base64 is not base64; it is kept as written';
  }
  if (reason === null) return { text, html };
  const recovered = decodeRawText(raw);
  if (html && isGarbled(html, raw)) html = null;
  if (recovered !== '' && !isGarbled(recovered, raw)) {
    problems.push(`${reason}; the raw body is kept, decoded by detection`);
    text = recovered;
  } else if (recovered !== '' && text === '') {
    problems.push(`${reason}; the raw body is kept as it is, it may be unreadable`);
    text = recovered;
  } else {
    problems.push(recovered === '' && text === '' ? `${reason}; the message has no readable text` : reason);
  }
  return { text, html };
}

function hasBodyBytes(raw: Buffer): boolean {
  const at = bodyOffset(raw);
  for (let i = at; i < raw.length; i++) {
    const byte = raw[i];
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0d && byte !== 0x0a) return true;
  }
  return false;
}

/** `<abc@host>` → `abc@host`; Message-IDs compare case-sensitively on the left, so only trim. */
export function normalizeMessageId(value: string): string {
  return value.trim().replace(/^<+/, '').replace(/>+$/, '').trim();
}

/** `Re: Fwd: AW: Hello` → `hello`: the key for threading messages whose client dropped References. */
export function subjectKey(subject: string): string {
  let s = subject.trim().toLowerCase();
  for (;;) {
    const next = s
      .replace(/^(re|fwd?|aw|wg|sv|vs|antw|tr|rif)(\[\d+\])?\s*:\s*/i, '')
      .replace(/^\[[^\]]*\]\s*/, '');
    if (next === s) break;
    s = next;
  }
  return s.replace(/\s+/g, ' ').trim();
}

export function isReplySubject(subject: string): boolean {
  return /^\s*(re|aw|sv|vs|antw)(\[\d+\])?\s*:/i.test(subject);
}

// A message must start with a header line ("Name: value"); anything else is not an email.
function looksLikeHeaders(raw: Buffer): boolean {
  const head = raw.subarray(0, 1000).toString('latin1');
  return /^[!-9;-~]+[ \t]*:/.test(head);
}

/**
 * mailparser takes a first line that starts with `From ` for an mbox envelope and drops it, so the
 * obsolete `From  : …` (space before the colon) would lose the sender.
 */
function withPlainFromName(raw: Buffer): Buffer {
  const match = /^From[ \t]+:/.exec(raw.subarray(0, 16).toString('latin1'));
  return match ? Buffer.concat([Buffer.from('From:'), raw.subarray(match[0].length)]) : raw;
}

/** Obsolete syntax mailparser gives up on (`<jdoe@machine(comment).  example>`): comments and spaces go. */
function addressFromRawHeader(value: string | null): { address: string; name: string } | null {
  if (!value) return null;
  const bare = value.replace(/\([^()]*\)/g, '');
  const inBrackets = /<([^<>]*)>/.exec(bare)?.[1] ?? bare;
  const address = inBrackets.replace(/\s+/g, '');
  return /^[^@<>,;"]+@[^@<>,;"]+$/.test(address) ? { address: address.toLowerCase(), name: '' } : null;
}

function firstAddress(value: AddressObject | undefined): { address: string; name: string } | null {
  const first = value?.value[0];
  if (!first?.address) return null;
  return { address: first.address.toLowerCase(), name: first.name ?? '' };
}

function addresses(value: AddressObject | AddressObject[] | undefined): string[] {
  if (!value) return [];
  const list = Array.isArray(value) ? value : [value];
  const out: string[] = [];
  for (const group of list) {
    for (const entry of group.value) {
      if (entry.address) out.push(entry.address.toLowerCase());
      for (const member of entry.group ?? []) if (member.address) out.push(member.address.toLowerCase());
    }
  }
  return [...new Set(out)];
}
