import { describe, expect, it } from 'vitest';
import { type LogLine, parseAccessLine, parseLogTime, REFUSAL, unescapeField } from './parse-access-line.ts';

function parsed(text: string): LogLine {
  const line = parseAccessLine(text);
  if (typeof line === 'string') throw new Error(`refused: ${line}`);
  return line;
}

describe('parseAccessLine', () => {
  it('reads an nginx line with IPv6 and a query string', () => {
    const line = parsed(
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
      hasAgentField: true,
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
    expect(parsed(text).userAgent).toBe(agent);
  });

  it.each([
    ['empty', '', REFUSAL.blank],
    ['spaces', '   ', REFUSAL.blank],
    ['junk', 'hello world', REFUSAL.noTime],
    ['bad month', '1.2.3.4 - - [01/Foo/2025:00:00:00 +0000] "GET / HTTP/1.1" 200 1 "-" "x"', REFUSAL.badTime],
    ['no zone', '1.2.3.4 - - [01/Jan/2025:00:00:00] "GET / HTTP/1.1" 200 1 "-" "x"', REFUSAL.badTime],
    [
      'ident missing',
      '1.2.3.4 [01/Jan/2025:00:00:00 +0000] "GET / HTTP/1.1" 200 1 "-" "x"',
      REFUSAL.noClient,
    ],
    [
      'bad status',
      '1.2.3.4 - - [01/Jan/2025:00:00:00 +0000] "GET / HTTP/1.1" abc 1 "-" "x"',
      REFUSAL.badStatus,
    ],
    ['no size', '1.2.3.4 - - [01/Jan/2025:00:00:00 +0000] "GET / HTTP/1.1" 200 "-" "x"', REFUSAL.noSize],
    [
      'unterminated request',
      '1.2.3.4 - - [01/Jan/2025:00:00:00 +0000] "GET / HTTP/1.1 200 1 "-',
      REFUSAL.unclosedRequest,
    ],
    ['missing agent', '1.2.3.4 - - [01/Jan/2025:00:00:00 +0000] "GET / HTTP/1.1" 200 1 "-"', REFUSAL.noAgent],
    [
      'agent cut short',
      '1.2.3.4 - - [01/Jan/2025:00:00:00 +0000] "GET / HTTP/1.1" 200 1 "-" "Mozilla/5.0 (X11',
      REFUSAL.unclosedAgent,
    ],
  ])('refuses a malformed line with its reason: %s', (_name, text, reason) => {
    expect(parseAccessLine(text)).toBe(reason);
  });

  it.each([
    [
      'combined',
      '203.0.113.9 - - [01/Jan/2025:00:00:00 +0000] "GET / HTTP/1.1" 200 5 "-" "x"',
      '203.0.113.9',
    ],
    ['common', '203.0.113.9 - frank [01/Jan/2025:00:00:00 +0000] "GET / HTTP/1.0" 200 2326', '203.0.113.9'],
    [
      'common with %D',
      '203.0.113.9 - - [01/Jan/2025:00:00:00 +0000] "GET / HTTP/1.0" 200 - 5120',
      '203.0.113.9',
    ],
    [
      'vhost_combined',
      'shop.example:443 198.51.100.4 - - [01/Jan/2025:00:00:00 +0000] "GET / HTTP/1.1" 200 5 "-" "x"',
      '198.51.100.4',
    ],
    [
      'vhost_common',
      'shop.example 198.51.100.4 - - [01/Jan/2025:00:00:00 +0000] "GET / HTTP/1.1" 200 5',
      '198.51.100.4',
    ],
    [
      'forwarded list as client',
      '10.0.0.2, 85.181.35.98, 10.0.0.1 - - [01/Jan/2025:00:00:00 +0000] "GET / HTTP/1.1" 200 5 "-" "x"',
      '85.181.35.98',
    ],
    [
      'forwarded list without spaces',
      '10.0.0.2,85.181.35.98 - - [01/Jan/2025:00:00:00 +0000] "GET / HTTP/1.1" 200 5 "-" "x"',
      '85.181.35.98',
    ],
    [
      'nginx main with a forwarded field',
      '10.1.2.3 - - [01/Jan/2025:00:00:00 +0000] "GET / HTTP/1.1" 200 5 "-" "x" "192.168.1.5, 2001:4860::1"',
      '2001:4860::1',
    ],
    [
      'nginx main with "-" forwarded',
      '85.181.35.98 - - [01/Jan/2025:00:00:00 +0000] "GET / HTTP/1.1" 200 5 "-" "x" "-"',
      '85.181.35.98',
    ],
    [
      'IPv6 client',
      '2001:db8::1 - - [01/Jan/2025:00:00:00 +0000] "GET / HTTP/1.1" 200 5 "-" "x"',
      '2001:db8::1',
    ],
    [
      'host name client',
      'crawl-1.example.net - - [01/Jan/2025:00:00:00 +0000] "GET / HTTP/1.1" 200 5 "-" "x"',
      'crawl-1.example.net',
    ],
  ])('reads the visitor of a %s line', (_name, text, ip) => {
    expect(parsed(text).ip).toBe(ip);
  });

  it('marks a Common Log Format line as having no agent field', () => {
    const line = parsed(
      '127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 200 2326',
    );
    expect(line).toMatchObject({
      hasAgentField: false,
      userAgent: null,
      referrer: null,
      path: '/apache_pb.gif',
    });
  });

  it('does not end a user agent at a raw quote inside it', () => {
    const line = parsed('1.2.3.4 - - [01/Jan/2025:00:00:00 +0000] "GET / HTTP/1.1" 200 5 "-" "a "b"c d"');
    expect(line.userAgent).toBe('a "b"c d');
  });

  it('keeps a raw, malformed request line without failing', () => {
    const line = parsed('1.2.3.4 - - [01/Jan/2025:00:00:00 -0500] "\\x16\\x03\\x01" 400 0 "-" "-"');
    expect(line.method).toBe('');
    expect(line.status).toBe(400);
    expect(line.time).toBe(Date.UTC(2025, 0, 1, 5));
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
