// Per-day counts of a campaign's recipients, from what Keydesk itself recorded (no tracking).
// Days are UTC. A recipient row keeps no time for every outcome, so each outcome is dated by the
// record that made it: the send by its sentAt (the outbox's, for one who left before the
// recipient row learnt it), a failure by its outbox row's last claim (which
// leaves the lease's end there: at most two minutes after the attempt), a bounce and an
// unsubscribe by their suppression or newsletter opt-out, else by the send.
import { sql } from '@keydesk/db';

export type DailyReportRow = { day: string; kind: 'sent' | 'failed' | 'bounced' | 'unsubscribed'; n: number };

const DAY = (ms: string) => `strftime('%Y-%m-%d', (${ms}) / 1000, 'unixepoch')`;

export const campaignDailyCounts = sql<DailyReportRow, { campaignId: number }>(
  `SELECT day, kind, count(*) AS n FROM (
     SELECT ${DAY('COALESCE(r.sentAt, o.sentAt)')} AS day, 'sent' AS kind
     FROM CampaignRecipient r LEFT JOIN OutboxEmail o ON o.id = r.outboxId
     WHERE r.campaignId = @campaignId AND COALESCE(r.sentAt, o.sentAt) IS NOT NULL
     UNION ALL
     SELECT ${DAY('o.nextAttemptAt')}, 'failed'
     FROM CampaignRecipient r JOIN OutboxEmail o ON o.id = r.outboxId
     WHERE r.campaignId = @campaignId AND r.status = 'failed'
     UNION ALL
     SELECT ${DAY('COALESCE(s.at, r.sentAt, r.createdAt)')}, 'bounced'
     FROM CampaignRecipient r LEFT JOIN EmailSuppression s ON s.email = r.email AND s.reason = 'hard_bounce'
     WHERE r.campaignId = @campaignId AND r.status = 'bounced'
     UNION ALL
     SELECT ${DAY("COALESCE(CASE WHEN c.topic = 'newsletter' THEN n.unsubscribedAt ELSE s.at END, r.sentAt, r.createdAt)")}, 'unsubscribed'
     FROM CampaignRecipient r JOIN Campaign c ON c.id = r.campaignId
       LEFT JOIN EmailSuppression s ON s.email = r.email
       LEFT JOIN NewsletterSubscription n ON n.email = r.email AND n.status = 'unsubscribed'
     WHERE r.campaignId = @campaignId AND r.status = 'unsubscribed')
   GROUP BY day, kind ORDER BY day`,
);
