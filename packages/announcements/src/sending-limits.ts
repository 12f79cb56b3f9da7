// How fast announcements go out (Settings → Announcements). Providers throttle or block a sender
// that bursts; the outbox sender reads these before every pass, so a change applies at once.
import type { SettingsStore } from '@keydesk/settings';
import { z } from 'zod';

const SENDING_LIMITS_SETTING = 'announcements.sendingLimits';

export const ZSendingLimits = z.object({
  perSecond: z.number().int().min(1).max(100),
  perHour: z.number().int().min(1).max(100_000),
});
export type SendingLimits = z.infer<typeof ZSendingLimits>;

export const DEFAULT_SENDING_LIMITS: SendingLimits = { perSecond: 5, perHour: 1_000 };

export function getSendingLimits(settings: Pick<SettingsStore, 'get'>): SendingLimits {
  const raw = settings.get(SENDING_LIMITS_SETTING);
  if (!raw) return DEFAULT_SENDING_LIMITS;
  try {
    const parsed = ZSendingLimits.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : DEFAULT_SENDING_LIMITS;
  } catch {
    // A value edited by hand into invalid JSON must not stop the outbox.
    return DEFAULT_SENDING_LIMITS;
  }
}

export function updateSendingLimits(
  settings: Pick<SettingsStore, 'set'>,
  limits: SendingLimits,
): SendingLimits {
  const checked = ZSendingLimits.parse(limits);
  settings.set(SENDING_LIMITS_SETTING, JSON.stringify(checked));
  return checked;
}
