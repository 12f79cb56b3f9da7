// tawk.to chats → one normalised shape, from webhook events (chat:start, chat:end,
// chat:transcript_created) and from exported transcript files. Field names beyond `event`,
// `chatId` and `time` are only third-party-confirmed, so both the short (`t`, `n`, `msg`) and the
// long (`type`, `name`, `text`) spellings are accepted.
import { redactCardNumbers } from '@keydesk/privacy';
import { z } from 'zod';

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

export class MalformedChatError extends Error {}

const ZTime = z.union([z.string(), z.number()]).optional();
const ZSender = z
  .object({
    t: z.string().optional(),
    type: z.string().optional(),
    n: z.string().optional(),
    name: z.string().optional(),
  })
  .passthrough();
const ZMessage = z
  .object({
    sender: ZSender.optional(),
    type: z.string().optional(),
    msg: z.string().optional(),
    text: z.string().optional(),
    time: ZTime,
  })
  .passthrough();
const ZVisitor = z
  .object({ name: z.string().optional(), email: z.string().optional(), country: z.string().optional() })
  .passthrough();
const ZChat = z
  .object({
    id: z.string().min(1).max(200),
    visitor: ZVisitor.optional(),
    messages: z.array(ZMessage).max(100_000).optional(),
    time: ZTime,
    createdOn: ZTime,
  })
  .passthrough();
const ZEvent = z
  .object({
    event: z.string(),
    chatId: z.string().min(1).max(200),
    time: ZTime,
    message: ZMessage.optional(),
    visitor: ZVisitor.optional(),
    chat: ZChat.optional(),
  })
  .passthrough();

export type TawkEvent = { event: string; chat: ParsedChat };

/** A webhook body → the chat it describes (throws MalformedChatError on anything else). */
export function parseTawkEvent(body: unknown): TawkEvent {
  const parsed = ZEvent.safeParse(body);
  if (!parsed.success)
    throw new MalformedChatError(`not a tawk.to event: ${parsed.error.issues[0]?.message ?? ''}`);
  const e = parsed.data;
  const at = toDate(e.time) ?? null;
  if (!at) throw new MalformedChatError('event without a valid time');
  if (e.event === 'chat:transcript_created') {
    if (!e.chat) throw new MalformedChatError('transcript event without chat');
    const chat = toChat({ ...e.chat, id: e.chat.id || e.chatId }, at);
    return { event: e.event, chat: { ...chat, endedAt: chat.endedAt ?? at } };
  }
  if (e.event === 'chat:start' || e.event === 'chat:end') {
    const messages = e.message ? [toMessage(e.message, at)] : [];
    const base = toChat({ id: e.chatId, visitor: e.visitor, messages: [] }, at);
    return {
      event: e.event,
      chat: { ...base, messages, endedAt: e.event === 'chat:end' ? at : null },
    };
  }
  throw new MalformedChatError(`unsupported event ${e.event}`);
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
    if (!parsed.success)
      throw new MalformedChatError(`chat ${index + 1}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
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
  const times = messages.map((m) => m.sentAt.getTime());
  const email = chat.visitor?.email?.trim().toLowerCase();
  return {
    externalId: chat.id,
    visitorName: clean(chat.visitor?.name),
    visitorEmail: email && /^[^\s@]+@[^\s@]+$/.test(email) ? email : null,
    visitorCountry: clean(chat.visitor?.country)?.toUpperCase().slice(0, 2) ?? null,
    startedAt: times.length > 0 ? new Date(Math.min(...times)) : fallback,
    endedAt: null,
    messages,
  };
}

function toMessage(m: z.infer<typeof ZMessage>, fallback: Date): ParsedChat['messages'][number] {
  return {
    senderType: senderType(m.sender?.t ?? m.sender?.type),
    senderName: clean(m.sender?.n ?? m.sender?.name),
    sentAt: toDate(m.time) ?? fallback,
    text: redactCardNumbers(m.msg ?? m.text ?? ''),
  };
}

function senderType(value: string | undefined): ChatSender {
  const v = (value ?? '').toLowerCase();
  if (v === 'v' || v === 'visitor') return 'visitor';
  if (v === 'a' || v === 'agent') return 'agent';
  return 'system';
}

function clean(value: string | undefined): string | null {
  const v = value?.trim();
  return v ? redactCardNumbers(v) : null;
}

function toDate(value: string | number | undefined): Date | null {
  if (value === undefined) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}
