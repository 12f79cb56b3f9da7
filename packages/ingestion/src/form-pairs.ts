import { DomainError } from '@keydesk/db';
// application/x-www-form-urlencoded, parsed IN ORDER and without merging repeated names:
// Avangate's signature covers the values in the order they were sent, so URLSearchParams-style
// parsers that sort or merge keys are never used here.

export class MalformedBodyError extends DomainError {
  readonly kind = 'invalid';
}

function decodeComponent(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    throw new MalformedBodyError('The body has a broken %-escape.');
  }
}

/** Splits a form body into ordered [name, value] pairs; throws MalformedBodyError on broken input. */
export function parseFormPairs(body: string): [string, string][] {
  if (body.trim() === '') throw new MalformedBodyError('The body is empty.');
  const pairs: [string, string][] = [];
  for (const part of body.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    if (eq <= 0) throw new MalformedBodyError('The body is not a list of name=value fields.');
    pairs.push([decodeComponent(part.slice(0, eq)), decodeComponent(part.slice(eq + 1))]);
  }
  if (pairs.length === 0) throw new MalformedBodyError('The body has no fields.');
  return pairs;
}

export function encodeFormPairs(pairs: [string, string][]): string {
  return pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
}

/** `IPN_PID[]`, `IPN_PID[0]` and `IPN_PID%5B%5D` all name the array `IPN_PID`. */
export function baseFieldName(name: string): string {
  const bracket = name.indexOf('[');
  return bracket === -1 ? name : name.slice(0, bracket);
}

/** First value of each field, and every value of array fields, keyed by base name. */
export function indexFormPairs(pairs: [string, string][]): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  for (const [name, value] of pairs) {
    const key = baseFieldName(name);
    const list = fields.get(key);
    if (list) list.push(value);
    else fields.set(key, [value]);
  }
  return fields;
}
