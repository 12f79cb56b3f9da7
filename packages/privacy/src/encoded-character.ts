// Reads one character of stored text in whatever encoding it arrived in: raw, UTF-8 bytes read as
// latin1 (the database byte scan), %-escapes (form bodies, also double-escaped %2520), JSON/C
// escapes (\u0020, \n, \xC2\xA0 as nginx logs write bytes), HTML entities (&nbsp; &#32; &#x20;,
// also &amp;nbsp;) and '+' (a form-encoded space). Card numbers hide behind every one of these.
// Each read is bounded (a few dozen characters at most), so a scan stays linear in the input.

/** End of the character last read by `readCharacter` (exclusive). */
export const cursor = { end: 0 };

const MAX_REPEATED_ESCAPE = 3;
const MAX_ENTITY_NAME = 16;

// Named entities for the characters that can sit between (or be) the digits of a number.
const NAMED_ENTITIES = new Map<string, number>([
  ['nbsp', 0xa0],
  ['ensp', 0x2002],
  ['emsp', 0x2003],
  ['emsp13', 0x2004],
  ['emsp14', 0x2005],
  ['numsp', 0x2007],
  ['puncsp', 0x2008],
  ['thinsp', 0x2009],
  ['ThinSpace', 0x2009],
  ['hairsp', 0x200a],
  ['VeryThinSpace', 0x200a],
  ['MediumSpace', 0x205f],
  ['ZeroWidthSpace', 0x200b],
  ['NegativeThinSpace', 0x200b],
  ['zwnj', 0x200c],
  ['zwj', 0x200d],
  ['NoBreak', 0x2060],
  ['shy', 0xad],
  ['hyphen', 0x2010],
  ['dash', 0x2010],
  ['ndash', 0x2013],
  ['mdash', 0x2014],
  ['minus', 0x2212],
  ['period', 0x2e],
  ['middot', 0xb7],
  ['Tab', 0x09],
  ['NewLine', 0x0a],
  ['lt', 0x3c],
  ['gt', 0x3e],
]);

function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  const lower = code | 0x20;
  if (lower >= 97 && lower <= 102) return lower - 87;
  return -1;
}

function hexByteAt(text: string, at: number): number {
  const high = hexValue(text.charCodeAt(at));
  if (high < 0) return -1;
  const low = hexValue(text.charCodeAt(at + 1));
  return low < 0 ? -1 : high * 16 + low;
}

function utf8Length(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/**
 * One escaped byte at `at`: `prefix` then optionally "25" (or extra backslashes) repeated, then two
 * hex digits. Returns the byte and sets `byteEnd`, or -1.
 */
let byteEnd = 0;
function escapedByteAt(text: string, at: number, style: 'percent' | 'backslash'): number {
  let j = at;
  if (style === 'percent') {
    if (text.charCodeAt(j) !== 0x25) return -1;
    j++;
    for (let n = 0; n < MAX_REPEATED_ESCAPE && text.startsWith('25', j) && hexByteAt(text, j + 2) >= 0; n++)
      j += 2;
  } else {
    if (text.charCodeAt(j) !== 0x5c) return -1;
    j++;
    for (let n = 0; n < MAX_REPEATED_ESCAPE && text.charCodeAt(j) === 0x5c; n++) j++;
    if (text.charCodeAt(j) !== 0x78) return -1; // \x
    j++;
  }
  const byte = hexByteAt(text, j);
  if (byte < 0) return -1;
  byteEnd = j + 2;
  return byte;
}

/** A UTF-8 sequence written as escaped bytes (%C2%A0, \xC2\xA0); -1 unless whole and valid. */
function escapedUtf8At(text: string, at: number, style: 'percent' | 'backslash'): number {
  const lead = escapedByteAt(text, at, style);
  if (lead < 0) return -1;
  if (lead < 0x80) {
    cursor.end = byteEnd;
    return lead;
  }
  const length = utf8Length(lead);
  if (length === 0) return -1;
  let code = lead & (0xff >> (length + 1));
  let j = byteEnd;
  for (let k = 1; k < length; k++) {
    const next = escapedByteAt(text, j, style);
    if (next < 0x80 || next > 0xbf) return -1;
    code = (code << 6) | (next & 0x3f);
    j = byteEnd;
  }
  if (code > 0x10ffff) return -1;
  cursor.end = j;
  return code;
}

/** UTF-8 bytes read one per character (latin1), as the byte scan sees the database file. */
function latin1Utf8At(text: string, at: number, lead: number): number {
  const length = utf8Length(lead);
  if (length === 0) return -1;
  let code = lead & (0xff >> (length + 1));
  for (let k = 1; k < length; k++) {
    const next = text.charCodeAt(at + k);
    if (!(next >= 0x80 && next <= 0xbf)) return -1;
    code = (code << 6) | (next & 0x3f);
  }
  if (code > 0x10ffff) return -1;
  cursor.end = at + length;
  return code;
}

/**
 * Transport layer: one character as a form body, a byte dump or plain text carries it (%-escapes,
 * '+', UTF-8 read as latin1, surrogate pairs). Sets `cursor.end`; -1 at the end of the text.
 */
function transportCharacter(text: string, at: number): number {
  if (at >= text.length) {
    cursor.end = at;
    return -1;
  }
  const code = text.charCodeAt(at);
  let decoded = -1;
  if (code === 0x25) decoded = escapedUtf8At(text, at, 'percent');
  else if (code === 0x2b) {
    cursor.end = at + 1;
    return 0x20;
  } else if (code >= 0xc2 && code <= 0xf4) decoded = latin1Utf8At(text, at, code);
  else if (code >= 0xd800 && code <= 0xdbff) {
    const point = text.codePointAt(at) ?? code;
    cursor.end = at + (point > 0xffff ? 2 : 1);
    return point;
  }
  if (decoded >= 0) return decoded;
  cursor.end = at + 1;
  return code;
}

/** Markup layers (JSON escapes, entities) are spelt in transport characters: "%26nbsp%3B" too. */
function hexDigitsAt(text: string, at: number, count: number): number {
  let value = 0;
  let j = at;
  for (let k = 0; k < count; k++) {
    const digit = hexValue(transportCharacter(text, j));
    if (digit < 0) return -1;
    value = value * 16 + digit;
    j = cursor.end;
  }
  cursor.end = j;
  return value;
}

function backslashEscapeAt(text: string, after: number): number {
  let j = after;
  let kind = transportCharacter(text, j);
  for (let n = 0; n < MAX_REPEATED_ESCAPE && kind === 0x5c; n++) {
    j = cursor.end;
    kind = transportCharacter(text, j);
  }
  j = cursor.end;
  if (kind === 0x6e || kind === 0x72 || kind === 0x74)
    return kind === 0x6e ? 0x0a : kind === 0x72 ? 0x0d : 0x09;
  if (kind === 0x75) return hexDigitsAt(text, j, 4);
  return -1;
}

function entityAt(text: string, after: number): number {
  let j = after;
  let code = transportCharacter(text, j);
  let name = '';
  // Read the name (or number) through the transport layer, at most MAX_ENTITY_NAME characters.
  for (let n = 0; n <= MAX_ENTITY_NAME && code !== 0x3b && code >= 0; n++) {
    if (!/[A-Za-z0-9#]/.test(String.fromCharCode(code))) break;
    name += String.fromCharCode(code);
    j = cursor.end;
    code = transportCharacter(text, j);
    // &amp;nbsp; is an entity escaped once more.
    if (name === 'amp' && code === 0x3b && n < MAX_REPEATED_ESCAPE + 3) {
      name = '';
      j = cursor.end;
      code = transportCharacter(text, j);
    }
  }
  const hasSemicolon = code === 0x3b;
  const end = hasSemicolon ? cursor.end : j;
  let value: number | undefined;
  if (name.startsWith('#x') || name.startsWith('#X'))
    value = /^[0-9a-f]{1,6}$/i.test(name.slice(2)) ? Number.parseInt(name.slice(2), 16) : undefined;
  else if (name.startsWith('#')) value = /^\d{1,7}$/.test(name.slice(1)) ? Number(name.slice(1)) : undefined;
  // Browsers accept a numeric reference without its semicolon, a named one only with it.
  else if (hasSemicolon) value = NAMED_ENTITIES.get(name);
  if (value === undefined || value > 0x10ffff) return -1;
  cursor.end = end;
  return value;
}

/** The code point at `at` once decoded (see the file comment); sets `cursor.end`. */
export function readCharacter(text: string, at: number): number {
  const code = transportCharacter(text, at);
  const after = cursor.end;
  let decoded = -1;
  if (code === 0x5c) {
    decoded =
      text.charCodeAt(at) === 0x5c && text.charCodeAt(after) === 0x78
        ? escapedUtf8At(text, at, 'backslash') // \xC2\xA0, as nginx writes bytes
        : backslashEscapeAt(text, after);
  } else if (code === 0x26) decoded = entityAt(text, after);
  else return code;
  if (decoded >= 0) return decoded;
  cursor.end = after;
  return code;
}

/** Characters that can start an encoded character: the scan decodes only at these and at digits. */
export function mayStartEncoding(code: number): boolean {
  return code === 0x25 || code === 0x5c || code === 0x26 || code === 0x2b || code >= 0x80;
}
