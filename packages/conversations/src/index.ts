export { DEFAULT_MAX_ATTACHMENT_BYTES, type ImportMboxOptions, importMbox } from './import-mbox.ts';
export type { ImportProblem, ImportProgress, ImportSummary } from './import-run.ts';
export { readMbox } from './mbox-splitter.ts';
export { type ParsedEmail, parseEmail } from './parse-email.ts';
export { storeEmail } from './store-emails.ts';
