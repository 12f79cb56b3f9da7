// The update-check collector's statements: raw checks (kept for the retention period, holding the
// client's network only), their roll-up into daily counts, and the abuse list read from them.
import { sql } from '@keydesk/db';

export type RawCheck = {
  receivedAt: number;
  network: string;
  product: string;
  version: string;
  os: string;
  osVersion: string;
  language: string;
  licenseKey: string | null;
};

export const insertRawCheck = sql<never, RawCheck>(
  `INSERT INTO UpdateCheckRaw (receivedAt, ip, product, appVersion, os, osVersion, language, licenseKey)
   VALUES (@receivedAt, @network, @product, @version, @os, @osVersion, @language, @licenseKey)`,
);

export const rollUpRawChecks = sql<never, { cutoff: number }>(
  `INSERT INTO UpdateCheckDaily (day, product, os, osVersion, appVersion, language, isLicensed, checks)
   SELECT strftime('%Y-%m-%d', receivedAt / 1000, 'unixepoch'), product, os, osVersion, appVersion, language,
          licenseKey IS NOT NULL, COUNT(*)
   FROM UpdateCheckRaw WHERE receivedAt < @cutoff
   GROUP BY 1, product, os, osVersion, appVersion, language, licenseKey IS NOT NULL
   ON CONFLICT (day, product, os, osVersion, appVersion, language, isLicensed)
   DO UPDATE SET checks = checks + excluded.checks`,
);

export const deleteRawChecksBefore = sql<never, { cutoff: number }>(
  'DELETE FROM UpdateCheckRaw WHERE receivedAt < @cutoff',
);

export type PossibleAbuseRow = {
  licenseKey: string;
  networks: number;
  checks: number;
  firstSeenMs: number;
  lastSeenMs: number;
};

export const keysFromManyNetworks = sql<
  PossibleAbuseRow,
  { since: number; minNetworks: number; limit: number }
>(
  `SELECT licenseKey, COUNT(DISTINCT ip) AS networks, COUNT(*) AS checks,
          MIN(receivedAt) AS firstSeenMs, MAX(receivedAt) AS lastSeenMs
   FROM UpdateCheckRaw WHERE licenseKey IS NOT NULL AND receivedAt >= @since
   GROUP BY licenseKey HAVING COUNT(DISTINCT ip) >= @minNetworks
   ORDER BY networks DESC, checks DESC, licenseKey LIMIT @limit`,
);
