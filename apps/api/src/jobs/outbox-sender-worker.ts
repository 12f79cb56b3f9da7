import { createOutboxSender, resolveMailConfig } from '@keydesk/mail';
import type { BackgroundWorker } from './scheduled-job.ts';

/** Sends the outbox over SMTP; settings are read before each pass, so changes apply without a restart. */
export const outboxSenderWorker: BackgroundWorker = {
  name: 'outbox-sender',
  start(services) {
    const sender = createOutboxSender({
      db: services.db,
      getConfig: () => resolveMailConfig(services.settings, services.mailFallback),
      logger: services.logger,
      now: services.now,
    });
    sender.start();
    return { stop: () => sender.stop() };
  },
};
