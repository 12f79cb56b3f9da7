// Substrings of a log line point into the 1 MB chunk they came from (V8 sliced strings), so one
// cached user agent or referrer would keep a whole chunk alive. Keys that outlive their line are
// copied first; this runs once per new key, not per line. UTF-16 round trip: lossless for any string.
export function detach(text: string): string {
  return Buffer.from(text, 'utf16le').toString('utf16le');
}
