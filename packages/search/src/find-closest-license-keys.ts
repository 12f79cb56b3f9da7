// "No such key": the keys a typo most likely came from. Any key within a few edits of the typed
// one still contains most of its 5-character groups, counted from the start (before the typo)
// or from the end (after an inserted or dropped character shifted the rest), so those groups
// find the candidates in the trigram index and edit distance ranks them.
import { type Db, searchSourceId } from '@keydesk/db';
import { normalizeLicenseKey } from '@keydesk/license-key';
import { editDistance } from './edit-distance.ts';
import { quoteFtsTerm } from './search-text.ts';
import { keyCandidates, licensesByIds } from './sql.ts';

const GROUP = 5;
const MAX_DISTANCE = 4;

export type ClosestLicenseKey = {
  licenseId: number;
  key: string;
  customerId: number | null;
  distance: number;
};

function keyGroups(key: string): string[] {
  const groups = new Set<string>();
  for (let at = 0; at + GROUP <= key.length; at += GROUP) groups.add(key.slice(at, at + GROUP));
  for (let end = key.length; end - GROUP >= 0; end -= GROUP) groups.add(key.slice(end - GROUP, end));
  return [...groups];
}

export function findClosestLicenseKeys(options: {
  db: Db;
  key: string;
  limit?: number;
}): ClosestLicenseKey[] {
  const key = normalizeLicenseKey(options.key);
  if (key.length < GROUP * 2) return [];
  const match = keyGroups(key).map(quoteFtsTerm).join(' OR ');
  const rows = keyCandidates.all(options.db, { match });
  if (rows.length === 0) return [];
  const licenses = licensesByIds.all(options.db, {
    ids: JSON.stringify(rows.map(({ rowid }) => searchSourceId(rowid))),
  });
  return licenses
    .map((license) => ({
      licenseId: license.id,
      key: license.key,
      customerId: license.customerId,
      distance: editDistance(key, license.keyNormalized, MAX_DISTANCE),
    }))
    .filter((candidate) => candidate.distance > 0 && candidate.distance <= MAX_DISTANCE)
    .sort((a, b) => a.distance - b.distance || a.licenseId - b.licenseId)
    .slice(0, options.limit ?? 5);
}
