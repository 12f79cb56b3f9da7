export {
  type ConversationSummary,
  type FindConversationsInput,
  type FindConversationsResult,
  findConversations,
  type SnippetSegment,
  toFtsQuery,
} from './find-conversations.ts';
export {
  type ChatDetail,
  findCustomersForLinking,
  getAttachmentContent,
  getChat,
  getThread,
  type ThreadDetail,
} from './get-conversation.ts';
export {
  chooseFolders,
  type ImapAccount,
  imapAccountFromSettings,
  MailboxNotConfiguredError,
  mailboxSyncStates,
  type SyncMailboxResult,
  syncConfiguredMailbox,
  syncMailbox,
} from './imap-sync.ts';
export { type ImportChatsSummary, importChats } from './import-chats.ts';
export { type ImportMboxOptions, importMbox } from './import-mbox.ts';
export type { ImportProblem, ImportProgress, ImportSummary } from './import-run.ts';
export {
  type ConversationKind,
  createCustomerFromConversation,
  linkConversation,
  linkConversationsToCustomer,
} from './link-customer.ts';
export { readMbox } from './mbox-splitter.ts';
export { type ParsedEmail, parseEmail } from './parse-email.ts';
export { type ParsedChat, parseTawkEvent, parseTawkExport, type TawkEvent } from './parse-tawk.ts';
export type { ParsedTicket } from './parse-tawk-ticket.ts';
export { replayTawkWebhookEvent, TawkReplayError, type TawkReplayResult } from './replay-tawk-event.ts';
export { setAwaitingReply } from './set-awaiting-reply.ts';
export { storeChat } from './store-chat.ts';
export { DEFAULT_MAX_ATTACHMENT_BYTES, type EmailIntakeOptions, storeEmail } from './store-emails.ts';
export { storeTicket } from './store-ticket.ts';
export {
  handleTawkWebhook,
  refuseTawkWebhook,
  type TawkWebhookResult,
  verifyTawkSignature,
} from './tawk-webhook.ts';
