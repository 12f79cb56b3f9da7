// JSON.parse with a nesting limit. V8 parses deep nesting without trouble, but everything that walks
// the result afterwards (redaction, JSON.stringify, validation) recurses and overflows the stack: a
// signed webhook body of 100 000 nested arrays answered 500 on every retry. The depth is measured on
// the text first, in one pass, so no deep value is ever built.

/** Real tawk.to payloads nest four levels deep; anything past this is not a chat or a ticket. */
export const MAX_JSON_DEPTH = 64;

export type BoundedJson = { ok: true; value: unknown } | { ok: false; reason: string };

export function parseJsonWithinDepth(text: string, maxDepth = MAX_JSON_DEPTH): BoundedJson {
  const depth = nestingDepth(text, maxDepth);
  if (depth > maxDepth) return { ok: false, reason: `JSON nested deeper than ${maxDepth} levels` };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, reason: `not JSON: ${(error as Error).message.slice(0, 200)}` };
  }
}

/** The deepest `[`/`{` nesting outside strings; stops counting once past `limit`. */
export function nestingDepth(text: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}
