// Who an audience reaches right now, as the owner pages through it and as a campaign fixes it.
// The rules are evaluated by one statement (sql/audience.ts), so nothing here holds the audience.
import type { Db } from '@keydesk/db';
import type { TAudience, TAudienceRule, TCampaignTopic } from './audience-rules.ts';
import {
  type AudienceParams,
  type AudienceRow,
  type AudienceRuleRow,
  audienceCount,
  audienceMember,
  audiencePage,
  insertAudienceRecipients,
} from './sql/audience.ts';

export type AudienceRecipient = AudienceRow;

const dayStart = (day: string | undefined) => (day === undefined ? null : Date.parse(`${day}T00:00:00Z`));

function toRuleRow(rule: TAudienceRule, excluded: 0 | 1): AudienceRuleRow {
  const any = { product: null, edition: null, majorVersion: null, boughtFrom: null, boughtBefore: null };
  if (rule.kind === 'newsletter') return { kind: 'newsletter', excluded, ...any, country: null };
  return {
    kind: 'license',
    excluded,
    product: rule.product ?? null,
    edition: rule.edition ?? null,
    majorVersion: rule.majorVersion ?? null,
    boughtFrom: dayStart(rule.boughtFrom),
    boughtBefore: dayStart(rule.boughtBefore),
    country: rule.country ?? null,
  };
}

type AudienceOf = { audience: TAudience; topic: TCampaignTopic };

function paramsOf({ audience, topic }: AudienceOf): AudienceParams {
  const rules = [
    ...audience.include.map((rule) => toRuleRow(rule, 0)),
    ...audience.exclude.map((rule) => toRuleRow(rule, 1)),
  ];
  return { rules: JSON.stringify(rules), topic };
}

export function countAudience(options: AudienceOf & { db: Db }): number {
  return audienceCount.get(options.db, paramsOf(options))?.n ?? 0;
}

/** The recipient at `email` (lower-cased), or the first in address order; undefined when none. */
export function findAudienceMember(
  options: AudienceOf & { db: Db; email?: string | undefined },
): AudienceRecipient | undefined {
  const params = paramsOf(options);
  if (options.email === undefined)
    return audiencePage.get(options.db, { ...params, afterEmail: '', limit: 1 });
  return audienceMember.get(options.db, { ...params, email: options.email });
}

/** Writes the audience as a campaign's pending recipients; returns how many there are. */
export function insertCampaignAudience(
  options: AudienceOf & { db: Db; campaignId: number; now: number },
): number {
  const { db, campaignId, now } = options;
  return insertAudienceRecipients.run(db, { ...paramsOf(options), campaignId, now }).changes;
}

export const MAX_AUDIENCE_PAGE = 100;

/** The count and one page of an audience, for the owner to see who is in as the rules change. */
export function previewAudience(
  options: AudienceOf & { db: Db; cursor?: string | undefined; limit: number },
): { count: number; items: AudienceRecipient[]; nextCursor: string | null } {
  const limit = Math.min(Math.max(1, options.limit), MAX_AUDIENCE_PAGE);
  const rows = audiencePage.all(options.db, {
    ...paramsOf(options),
    afterEmail: options.cursor ?? '',
    limit: limit + 1,
  });
  const items = rows.slice(0, limit).map(({ email, customerId, name }) => ({ email, customerId, name }));
  // Past the last page no row carries the size, so it is counted on its own.
  const count = rows[0]?.total ?? countAudience(options);
  return { count, items, nextCursor: rows.length > limit ? (items.at(-1)?.email ?? null) : null };
}
