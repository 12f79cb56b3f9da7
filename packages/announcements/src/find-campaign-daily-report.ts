// A campaign's report by day: how many of its recipients were sent, failed, bounced and
// unsubscribed, counted from Keydesk's own records (the privacy policy rules out open or click tracking).
import type { Db } from '@keydesk/db';
import { getCampaignRow, settleCampaign } from './campaigns.ts';
import { campaignDailyCounts } from './sql/daily-report.ts';

export type CampaignDailyReportRow = {
  /** UTC day, YYYY-MM-DD. */
  day: string;
  sent: number;
  failed: number;
  bounced: number;
  unsubscribed: number;
};

/** One row per day that had any outcome, oldest first. */
export function findCampaignDailyReport(options: {
  db: Db;
  campaignId: number;
  now: Date;
}): CampaignDailyReportRow[] {
  const { db, campaignId } = options;
  getCampaignRow(db, campaignId);
  // Recipients take their outcome from the outbox first, as the recipient list does.
  settleCampaign(db, campaignId, options.now);
  const days = new Map<string, CampaignDailyReportRow>();
  for (const row of campaignDailyCounts.all(db, { campaignId })) {
    let day = days.get(row.day);
    if (!day) {
      day = { day: row.day, sent: 0, failed: 0, bounced: 0, unsubscribed: 0 };
      days.set(row.day, day);
    }
    day[row.kind] += row.n;
  }
  return [...days.values()];
}
