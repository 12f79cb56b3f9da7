// Bulk writers defer indexing through the db package (the demo generator there uses it too).
export { withDeferredSearchIndex } from '@keydesk/db';
export { allowedTypos, editDistance } from './edit-distance.ts';
export { findClosestLicenseKeys } from './find-closest-license-keys.ts';
export {
  type CustomerMatch,
  type CustomerMatchField,
  type CustomerMatchKind,
  type CustomerSearchHit,
  type FindCustomersResult,
  findCustomers,
} from './find-customers.ts';
export { MAX_SEARCH_LENGTH, planSearch } from './search-query.ts';
export { findRanges, foldText, highlightKey, type MatchRange, quoteFtsTerm } from './search-text.ts';
