import type { SettingsStore } from '@keydesk/settings';

export const SMTP_URL_SETTING = 'smtp.url';
export const SMTP_FROM_SETTING = 'smtp.from';

export type MailConfig = { smtpUrl: string; from: string };
/** From the environment (SMTP_URL, MAIL_FROM): used where Settings hold no value. */
export type MailFallback = { smtpUrl?: string | undefined; from?: string | undefined };

export type MailStatus = {
  isConfigured: boolean;
  /** Host and port only: the URL may carry a password. */
  server: string | null;
  from: string | null;
  source: 'settings' | 'environment' | null;
  problem: string | null;
};

type MailSettings = Pick<SettingsStore, 'get' | 'getSecret'>;

function readSettings(settings: MailSettings, fallback: MailFallback) {
  let smtpUrl: string | null = null;
  let problem: string | null = null;
  try {
    smtpUrl = settings.getSecret(SMTP_URL_SETTING);
  } catch (error) {
    problem = error instanceof Error ? error.message : 'The SMTP address cannot be read.';
  }
  const fromSetting = settings.get(SMTP_FROM_SETTING);
  return {
    smtpUrl: smtpUrl || fallback.smtpUrl || null,
    from: fromSetting || fallback.from || null,
    source: smtpUrl ? ('settings' as const) : fallback.smtpUrl ? ('environment' as const) : null,
    problem,
  };
}

/** Settings first, then the environment; null while either the server or the sender is missing. */
export function resolveMailConfig(settings: MailSettings, fallback: MailFallback = {}): MailConfig | null {
  const { smtpUrl, from } = readSettings(settings, fallback);
  return smtpUrl && from ? { smtpUrl, from } : null;
}

export function describeSmtpServer(smtpUrl: string): string | null {
  try {
    const url = new URL(smtpUrl);
    const defaultPort = url.protocol === 'smtps:' ? '465' : '587';
    return `${url.protocol}//${url.hostname}:${url.port || defaultPort}`;
  } catch {
    return null;
  }
}

export function getMailStatus(settings: MailSettings, fallback: MailFallback = {}): MailStatus {
  const read = readSettings(settings, fallback);
  const server = read.smtpUrl ? describeSmtpServer(read.smtpUrl) : null;
  const problem =
    read.problem ??
    (read.smtpUrl && !server
      ? 'The SMTP address is not a URL such as smtp://user:password@host:587.'
      : read.smtpUrl && !read.from
        ? 'The sender address is missing.'
        : null);
  return {
    isConfigured: Boolean(server && read.from && !problem),
    server,
    from: read.from,
    source: read.source,
    problem,
  };
}

/** Saves the SMTP address (encrypted) and the sender; an empty URL keeps the stored one. */
export function updateMailSettings(options: {
  settings: Pick<SettingsStore, 'set' | 'setSecret'>;
  smtpUrl?: string | null;
  from: string;
}): void {
  if (options.smtpUrl) options.settings.setSecret(SMTP_URL_SETTING, options.smtpUrl);
  else if (options.smtpUrl === null) options.settings.setSecret(SMTP_URL_SETTING, null);
  options.settings.set(SMTP_FROM_SETTING, options.from);
}
