import { describe, expect, it } from 'vitest';
import { parseCombinedLine, parseLogTime, unescapeField } from './parse-combined-line.ts';

describe('parseCombinedLine', () => {
  it('reads an nginx line with IPv6 and a query string', () => {
    const line = parseCombinedLine(
      '2001:db8::7 - - [10/Oct/2024:13:55:36 +0200] "GET /buy?x=1 HTTP/1.1" 200 2326 "-" "Mozilla/5.0 (X11; Linux x86_64)"',
    );
    expect(line).toEqual({
      ip: '2001:db8::7',
      time: Date.UTC(2024, 9, 10, 11, 55, 36),
      method: 'GET',
      path: '/buy',
      status: 200,
      referrer: null,
      userAgent: 'Mozilla/5.0 (X11; Linux x86_64)',
    });
  });

  it.each([
    [
      'Apache \\" inside the user agent',
      '1.2.3.4 - - [01/Jan/2025:00:00:00 +0000] "GET / HTTP/1.1" 200 - "http://a.example/" "say \\"hi\\" \\\\ ok"',
      'say "hi" \\ ok',
    ],
    [
      'nginx \\x22 and UTF-8 bytes',
      '1.2.3.4 - - [01/Jan/2025:00:00:00 +0000] "GET / HTTP/1.1" 200 0 "-" "q\\x22\\xD0\\xBF"',
      'q"п',
    ],
  ])('decodes %s', (_name, text, agent) => {
    expect(parseCombinedLine(text)?.userAgent).toBe(agent);
  });

  it.each([
    ['empty', ''],
    ['junk', 'hello world'],
    ['bad month', '1.2.3.4 - - [01/Foo/2025:00:00:00 +0000] "GET / HTTP/1.1" 200 1 "-" "x"'],
    ['bad status', '1.2.3.4 - - [01/Jan/2025:00:00:00 +0000] "GET / HTTP/1.1" abc 1 "-" "x"'],
    ['unterminated request', '1.2.3.4 - - [01/Jan/2025:00:00:00 +0000] "GET / HTTP/1.1 200 1 "-'],
    ['missing agent', '1.2.3.4 - - [01/Jan/2025:00:00:00 +0000] "GET / HTTP/1.1" 200 1 "-"'],
  ])('rejects a malformed line: %s', (_name, text) => {
    expect(parseCombinedLine(text)).toBeNull();
  });

  it('keeps a raw, malformed request line without failing', () => {
    const line = parseCombinedLine(
      '1.2.3.4 - - [01/Jan/2025:00:00:00 -0500] "\\x16\\x03\\x01" 400 0 "-" "-"',
    );
    expect(line?.method).toBe('');
    expect(line?.status).toBe(400);
    expect(line?.time).toBe(Date.UTC(2025, 0, 1, 5));
  });
});

describe('parseLogTime', () => {
  it.each([
    ['10/Oct/2024:13:55:36 +0200', Date.UTC(2024, 9, 10, 11, 55, 36)],
    ['31/Dec/2024:23:59:59 -0130', Date.UTC(2025, 0, 1, 1, 29, 59)],
    ['10/Oct/2024:13:55:36', Number.NaN],
    ['10/Oct/2024:25:55:36 +0000', Number.NaN],
  ])('%s', (text, expected) => {
    expect(parseLogTime(text)).toBe(expected);
  });
});

describe('unescapeField', () => {
  it.each([
    ['plain', 'plain'],
    ['a\\tb', 'a\tb'],
    ['\\xzz', '\\xzz'],
  ])('%s', (raw, expected) => {
    expect(unescapeField(raw)).toBe(expected);
  });
});
