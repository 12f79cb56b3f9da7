// tawk.to events → one normalised shape: chats from chat:start, chat:end, chat:transcript_created
// and exported transcript files; tickets from ticket:create (parse-tawk-ticket.ts). tawk.to documents
// `chatId` at the top of chat:start/chat:end but sends the transcript's id inside `chat.id`, with
// messages as `{ sender: { t, n }, msg }`; both that and the long spelling (`type`, `name`, `text`)
// are accepted. Optional fields of the wrong type are ignored rather than fatal: the raw event is
// kept beside whatever is stored, so a lenient reading loses nothing.

import { DomainError, isOneOf } from '@keydesk/db';
import { redactCardNumbers } from '@keydesk/privacy';
import { z } from 'zod';
import { type ParsedTicket, toTicket, ZTicketEvent } from './parse-tawk-ticket.ts';
import { asText, clean, describeIssue, toDate, toEmail, ZId, ZText } from './tawk-fields.ts';

export type ChatSender = 'visitor' | 'agent' | 'system';

export type ParsedChat = {
  externalId: string;
  visitorName: string | null;
  visitorEmail: string | null;
  visitorCountry: string | null;
  startedAt: Date;
  endedAt: Date | null;
  messages: { senderType: ChatSender; senderName: string | null; sentAt: Date; text: string }[];
};

export class MalformedChatError extends DomainError {
  readonly kind = 'invalid';
}

const ZTime = z.union([z.string(), z.number()]).optional().catch(undefined);
const ZSender = z.object({ t: ZText, type: ZText, n: ZText, name: ZText }).passthrough();
const ZMessage = z
  .object({
    sender: ZSender.optional().catch(undefined),
    type: ZText,
    msg: z.unknown().optional(),
    text: z.unknown().optional(),
    time: ZTime,
  })
  .passthrough();
const ZVisitor = z.object({ name: ZText, email: ZText, country: ZText }).passthrough();
const ZChat = z
  .object({
    id: ZId,
    visitor: ZVisitor.optional().catch(undefined),
    messages: z.array(ZMessage).optional(),
    time: ZTime,
    createdOn: ZTime,
  })
  .passthrough();
const ZChatEvent = z
  .object({
    event: z.enum(['chat:start', 'chat:end', 'chat:transcript_created']),
    chatId: ZId.optional(),
    time: ZTime,
    message: ZMessage.optional(),
    visitor: ZVisitor.optional().catch(undefined),
    chat: z.object({ id: ZId.optional() }).passthrough().optional(),
  })
  .passthrough();

export type TawkEvent =
  | { kind: 'chat'; event: 'chat:start' | 'chat:end' | 'chat:transcript_created'; chat: ParsedChat }
  | { kind: 'ticket'; event: 'ticket:create'; ticket: ParsedTicket };

export const TAWK_EVENTS = ['chat:start', 'chat:end', 'chat:transcript_created', 'ticket:create'] as const;

/** A webhook body → the chat or ticket it describes (throws MalformedChatError on anything else). */
export function parseTawkEvent(body: unknown): TawkEvent {
  const name = body && typeof body === 'object' ? (body as { event?: unknown }).event : undefined;
  if (typeof name !== 'string' || !isOneOf(TAWK_EVENTS, name))
    throw new MalformedChatError(`unknown event ${JSON.stringify(name ?? null).slice(0, 80)}`);
  if (name === 'ticket:create') {
    const parsed = ZTicketEvent.safeParse(body);
    if (!parsed.success) throw new MalformedChatError(`ticket:create: ${describeIssue(parsed.error)}`);
    const at = toDate(parsed.data.time);
    if (!at) throw new MalformedChatError('ticket:create without a valid time');
    return { kind: 'ticket', event: 'ticket:create', ticket: toTicket(parsed.data, at) };
  }
  const parsed = ZChatEvent.safeParse(body);
  if (!parsed.success) throw new MalformedChatError(`${name}: ${describeIssue(parsed.error)}`);
  const e = parsed.data;
  if (e.event === 'chat:transcript_created') {
    const chat = ZChat.safeParse({ ...e.chat, id: e.chat?.id ?? e.chatId });
    if (!chat.success) throw new MalformedChatError(`chat:transcript_created: ${describeIssue(chat.error)}`);
    const at = toDate(e.time) ?? firstMessageTime(chat.data);
    if (!at) throw new MalformedChatError('chat:transcript_created without a valid time');
    const stored = toChat(chat.data, at);
    return { kind: 'chat', event: e.event, chat: { ...stored, endedAt: stored.endedAt ?? at } };
  }
  const id = e.chatId ?? e.chat?.id;
  if (!id) throw new MalformedChatError(`${e.event} without chatId`);
  const at = toDate(e.time);
  if (!at) throw new MalformedChatError(`${e.event} without a valid time`);
  const messages = e.message ? [toMessage(e.message, at)] : [];
  const base = toChat({ id, visitor: e.visitor, messages: [] }, at);
  return {
    kind: 'chat',
    event: e.event,
    chat: { ...base, messages, endedAt: e.event === 'chat:end' ? at : null },
  };
}

/** An exported transcript file: an array of chats, `{ chats: [...] }`, or one chat. */
export function parseTawkExport(body: unknown): ParsedChat[] {
  const list = Array.isArray(body)
    ? body
    : body && typeof body === 'object' && Array.isArray((body as { chats?: unknown }).chats)
      ? (body as { chats: unknown[] }).chats
      : [body];
  return list.map((item, index) => {
    const candidate =
      item && typeof item === 'object' && 'chat' in item ? (item as { chat: unknown }).chat : item;
    const parsed = ZChat.safeParse(candidate);
    if (!parsed.success) throw new MalformedChatError(`chat ${index + 1}: ${describeIssue(parsed.error)}`);
    const fallback =
      toDate(parsed.data.createdOn) ?? toDate(parsed.data.time) ?? firstMessageTime(parsed.data);
    if (!fallback) throw new MalformedChatError(`chat ${index + 1}: no time`);
    return toChat(parsed.data, fallback);
  });
}

function firstMessageTime(chat: z.infer<typeof ZChat>): Date | null {
  for (const m of chat.messages ?? []) {
    const at = toDate(m.time);
    if (at) return at;
  }
  return null;
}

function toChat(chat: z.infer<typeof ZChat>, fallback: Date): ParsedChat {
  const messages = (chat.messages ?? []).map((m) => toMessage(m, fallback));
  // A loop, not Math.min(...times): a transcript of 200 000 messages would overflow the call.
  let startedAt = messages.length > 0 ? Number.POSITIVE_INFINITY : fallback.getTime();
  for (const m of messages) startedAt = Math.min(startedAt, m.sentAt.getTime());
  return {
    externalId: chat.id,
    visitorName: clean(chat.visitor?.name),
    visitorEmail: toEmail(chat.visitor?.email),
    visitorCountry: clean(chat.visitor?.country)?.toUpperCase().slice(0, 2) ?? null,
    startedAt: new Date(startedAt),
    endedAt: null,
    messages,
  };
}

function toMessage(m: z.infer<typeof ZMessage>, fallback: Date): ParsedChat['messages'][number] {
  return {
    senderType: senderType(m.sender?.t ?? m.sender?.type),
    senderName: clean(m.sender?.n ?? m.sender?.name),
    sentAt: toDate(m.time) ?? fallback,
    text: redactCardNumbers(asText(m.msg ?? m.text)),
  };
}

function senderType(value: string | undefined): ChatSender {
  const v = (value ?? '').toLowerCase();
  if (v === 'v' || v === 'visitor') return 'visitor';
  if (v === 'a' || v === 'agent') return 'agent';
  return 'system';
}
