/**
 * Whether `value` is one of a fixed list of words (a status, an event name), narrowing it to the
 * list's union type. SQLite has no enums, and a webhook body is any string.
 */
export function isOneOf<const T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}
