import { getUnsubscribeSecret, type SendContext } from '@keydesk/announcements';
import { DomainError } from '@keydesk/db';
import { resolveMailConfig } from '@keydesk/mail';
import type { AppServices } from '../../context.ts';

export class AnnouncementSetupError extends DomainError {
  readonly kind = 'precondition';
}

/**
 * What queueing announcements needs from the server's configuration. Without PUBLIC_URL the
 * unsubscribe links would point nowhere a customer can reach, so nothing is queued.
 */
export function announcementSendContext(services: AppServices): SendContext {
  if (!services.publicUrl) {
    throw new AnnouncementSetupError(
      'Set PUBLIC_URL first: every announcement carries an unsubscribe link to it.',
    );
  }
  const config = resolveMailConfig(services.settings, services.mailFallback);
  if (!config) throw new AnnouncementSetupError('Set the SMTP server and the sender address first.');
  return {
    db: services.db,
    publicUrl: services.publicUrl,
    fromAddress: config.from,
    secret: getUnsubscribeSecret(services.settings),
  };
}
