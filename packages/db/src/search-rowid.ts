// How a CustomerSearch rowid names the row it indexes: sourceId * SEARCH_ROWID_STRIDE + kind. The
// customer_search migration's triggers wrote the scheme in SQL (migrations never change); every
// later statement, in this package and in @keydesk/search, builds it from these constants.

/** What a CustomerSearch entry indexes; the source row's table follows from it. */
export const SEARCH_KIND = { name: 1, place: 2, email: 3, licenseKey: 4, orderId: 5 } as const;

/** Room for the kinds: a rowid modulo the stride is the kind, divided by it the source id. */
export const SEARCH_ROWID_STRIDE = 8;

/** The id of the source row (Customer, CustomerEmail, License or Order) an index rowid names. */
export function searchSourceId(rowid: number): number {
  return Math.floor(rowid / SEARCH_ROWID_STRIDE);
}
