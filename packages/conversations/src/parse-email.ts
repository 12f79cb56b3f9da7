// One raw RFC 5322 message → the fields Keydesk stores, card numbers redacted. mailparser does
// the MIME work (transfer encodings, charsets, RFC 2047 words, multipart trees, attachments).
import { createHash } from 'node:crypto';
import { redactCardNumbers } from '@keydesk/privacy';
import type { AddressObject } from 'mailparser';
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
  sentAt: Date;
  textBody: string | null;
  htmlBody: string | null;
  attachments: ParsedAttachment[];
};

export class MalformedEmailError extends Error {}

let mailparser: typeof import('mailparser') | undefined;

export type ParseEmailOptions = {
  /** Attachments up to this many bytes keep their content. */
  maxAttachmentBytes: number;
  /** Used when the message has no usable Date header. */
  fallbackDate: Date;
  gmailThreadId?: string | null;
  gmailMessageId?: string | null;
};

export async function parseEmail(raw: Buffer, options: ParseEmailOptions): Promise<ParsedEmail> {
  if (!looksLikeHeaders(raw)) throw new MalformedEmailError('no header block');
  let mail: import('mailparser').ParsedMail;
  // Loaded on first use, so the server's start-up does not pay for the MIME parser.
  mailparser ??= await import('mailparser');
  try {
    mail = await mailparser.simpleParser(raw, {
      skipImageLinks: true, // inline images stay attachments, not data: URLs inside the HTML
      skipHtmlToText: true, // its renderer dominates import time; htmlToText covers HTML-only mail
      skipTextToHtml: true,
      skipTextLinks: true,
      keepCidLinks: true,
    });
  } catch (error) {
    throw new MalformedEmailError(error instanceof Error ? error.message : String(error));
  }
  const headerValue = (name: string): string | null => {
    const value = mail.headers.get(name);
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
  };
  const subject = redactCardNumbers(mail.subject ?? '');
  const from = firstAddress(mail.from);
  const html = typeof mail.html === 'string' && mail.html !== '' ? redactCardNumbers(mail.html) : null;
  const plain = mail.text?.trim() ? mail.text : html ? htmlToText(html) : '';
  const text = plain ? redactCardNumbers(plain) : null;
  const sentAt = mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date : options.fallbackDate;
  const references = toList(mail.references)
    .map(normalizeMessageId)
    .filter((id) => id !== '');
  const inReplyTo = mail.inReplyTo ? normalizeMessageId(mail.inReplyTo.split(/\s+/)[0] ?? '') : '';
  const messageId =
    normalizeMessageId(mail.messageId ?? '') ||
    synthesizeMessageId([from?.address ?? '', sentAt.toISOString(), subject, text ?? html ?? '']);
  return {
    messageId,
    gmailThreadId: options.gmailThreadId ?? headerValue('x-gm-thrid'),
    gmailMessageId: options.gmailMessageId ?? null,
    inReplyTo: inReplyTo || null,
    references,
    fromAddress: from?.address ?? null,
    fromName: from?.name ? redactCardNumbers(from.name) : null,
    to: addresses(mail.to),
    cc: addresses(mail.cc),
    subject,
    sentAt,
    textBody: text,
    htmlBody: html,
    attachments: mail.attachments.map((a) => ({
      filename: a.filename ?? null,
      contentType: a.contentType || 'application/octet-stream',
      size: a.size ?? a.content.length,
      contentId: a.cid ?? null,
      isInline: a.contentDisposition === 'inline' || a.related === true,
      checksum: a.checksum ?? null,
      content: a.content.length <= options.maxAttachmentBytes ? a.content : null,
    })),
  };
}

/** `<abc@host>` → `abc@host`; Message-IDs compare case-sensitively on the left, so only trim. */
export function normalizeMessageId(value: string): string {
  return value.trim().replace(/^<+/, '').replace(/>+$/, '').trim();
}

/** A stable id for a message with no Message-ID: the same message always hashes the same. */
export function synthesizeMessageId(parts: string[]): string {
  const hash = createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
  return `${hash}@keydesk.synthesized`;
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

function toList(value: string | string[] | undefined): string[] {
  if (!value) return [];
  return (Array.isArray(value) ? value : [value]).flatMap((v) => v.split(/\s+/));
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
