import {
  getSendingLimits,
  recordMailboxRefused,
  resumeCampaignQueueing,
  settleSendingCampaigns,
} from '@keydesk/announcements';
import { createOutboxSender, resolveMailConfig } from '@keydesk/mail';
import type { AppServices } from '../context.ts';
import { announcementSendContext } from '../routers/announcements/send-context.ts';
import type { BackgroundWorker } from './scheduled-job.ts';

/**
 * Sends the outbox over SMTP; settings (SMTP, the announcement throttle) are read before each
 * pass, so changes apply without a restart. At start, campaigns cut off mid-queueing by the
 * previous process's death carry on queueing (each recipient is queued once: send-campaign.ts).
 */
const SETTLE_INTERVAL_MS = 60_000;

export const outboxSenderWorker: BackgroundWorker = {
  name: 'outbox-sender',
  start(services) {
    const sender = createOutboxSender({
      db: services.db,
      getConfig: () => resolveMailConfig(services.settings, services.mailFallback),
      logger: services.logger,
      now: services.now,
      getThrottle: () => getSendingLimits(services.settings),
      onMailboxRefused: (refused) =>
        recordMailboxRefused({ db: services.db, ...refused, now: services.now() }),
    });
    sender.start();
    const resumed = resumeQueueing(services).catch((error: unknown) =>
      services.logger.error('announcements: resuming campaigns failed', {
        error: error instanceof Error ? error.message : String(error),
      }),
    );
    // Recipients take their outcome from the outbox even when nobody opens the page, before the
    // retention job removes sent outbox rows.
    const settler = setInterval(() => {
      try {
        settleSendingCampaigns(services.db, services.now());
      } catch (error) {
        services.logger.error('announcements: settling campaigns failed', {
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }, SETTLE_INTERVAL_MS);
    settler.unref();
    return {
      async stop() {
        clearInterval(settler);
        await resumed;
        await sender.stop();
      },
    };
  },
};

async function resumeQueueing(services: AppServices): Promise<void> {
  // Not configured: nothing can have been queueing, and a campaign cannot have started.
  if (!services.publicUrl || !resolveMailConfig(services.settings, services.mailFallback)) return;
  const queued = await resumeCampaignQueueing(announcementSendContext(services), services.now);
  if (queued > 0) services.logger.info('announcements: resumed queueing', { queued });
}
