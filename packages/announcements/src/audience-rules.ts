// Audience rules the owner can read back as a sentence: a person is in when any "include" rule
// matches them and no "exclude" rule does. Within one rule every condition given must hold.
import { z } from 'zod';

const MAX_RULES = 20;
const ZDay = z.iso.date();
const ZText = z.string().trim().min(1).max(100);

export const ZLicenseRule = z.object({
  kind: z.literal('license'),
  product: ZText.optional(),
  edition: ZText.optional(),
  majorVersion: z.number().int().min(0).max(10_000).optional(),
  /** Licenses issued on or after this UTC day. */
  boughtFrom: ZDay.optional(),
  /** Licenses issued before this UTC day. */
  boughtBefore: ZDay.optional(),
  /** The customer's country, ISO 3166-1 alpha-2. */
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/)
    .transform((c) => c.toUpperCase())
    .optional(),
});

export const ZNewsletterRule = z.object({ kind: z.literal('newsletter') });

export const ZAudienceRule = z.discriminatedUnion('kind', [ZLicenseRule, ZNewsletterRule]);

export const ZAudience = z.object({
  include: z.array(ZAudienceRule).max(MAX_RULES),
  exclude: z.array(ZAudienceRule).max(MAX_RULES).default([]),
});

export type TLicenseRule = z.infer<typeof ZLicenseRule>;
export type TAudienceRule = z.infer<typeof ZAudienceRule>;
export type TAudience = z.infer<typeof ZAudience>;

/** Which list an unsubscribe leaves: update notices and the newsletter are left separately. */
export const CAMPAIGN_TOPICS = ['updates', 'newsletter'] as const;
export const ZCampaignTopic = z.enum(CAMPAIGN_TOPICS);
export type TCampaignTopic = z.infer<typeof ZCampaignTopic>;

/** The stored JSON, read back; a row written by this package always parses. */
export function parseAudience(json: string): TAudience {
  return ZAudience.parse(JSON.parse(json));
}

function describeRule(rule: TAudienceRule): string {
  if (rule.kind === 'newsletter') return 'newsletter subscribers';
  const parts = [
    [rule.product, rule.edition, rule.majorVersion === undefined ? undefined : `${rule.majorVersion}.x`]
      .filter(Boolean)
      .join(' ') || 'any product',
  ];
  if (rule.boughtFrom) parts.push(`bought from ${rule.boughtFrom}`);
  if (rule.boughtBefore) parts.push(`bought before ${rule.boughtBefore}`);
  if (rule.country) parts.push(`in ${rule.country}`);
  return `holders of ${parts.join(', ')}`;
}

/** "holders of Tessera 5.x, in DE, or newsletter subscribers; except holders of Tessera Pro". */
export function describeAudience(audience: TAudience): string {
  if (audience.include.length === 0) return 'nobody';
  const included = audience.include.map(describeRule).join(', or ');
  if (audience.exclude.length === 0) return included;
  return `${included}; except ${audience.exclude.map(describeRule).join(', or ')}`;
}
