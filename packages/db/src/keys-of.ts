/**
 * The keys of a fixed table (statements by metric, labels by status) as a non-empty list, for a
 * zod enum or a loop, so a word is declared once, in the table. TypeScript types `Object.keys` as
 * `string[]` because an object may carry more keys than its type says; a table literal does not.
 */
export function keysOf<K extends string>(table: Readonly<Record<K, unknown>>): [K, ...K[]] {
  return Object.keys(table) as [K, ...K[]];
}
