import { MailboxNotConfiguredError, syncConfiguredMailbox } from '@keydesk/conversations';
import type { ScheduledJob } from './scheduled-job.ts';

/** Fetches new support mail over IMAP (only what arrived since the last run). */
export const mailboxSyncJob: ScheduledJob = {
  name: 'mailbox-sync',
  label: 'Fetch support email',
  description: 'Fetch new support email from the IMAP mailbox',
  defaultIntervalMs: 5 * 60_000,
  async run(services) {
    try {
      const result = await syncConfiguredMailbox({
        db: services.db,
        settings: services.settings,
        now: services.now,
      });
      const created = result.folders.reduce((sum, f) => sum + f.created, 0);
      return `${created} new message${created === 1 ? '' : 's'} from ${result.folders.map((f) => f.folder).join(', ')}`;
    } catch (error) {
      if (error instanceof MailboxNotConfiguredError) return 'skipped: no mailbox configured';
      throw error;
    }
  },
};
