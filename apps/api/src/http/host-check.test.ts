import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { hostNameOf, isServedHost, servedHosts } from './host-check.ts';

const withHeaders = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;

describe('hostNameOf', () => {
  it.each([
    ['keydesk.example.com', 'keydesk.example.com'],
    ['Keydesk.Example.COM.:443', 'keydesk.example.com'],
    ['127.0.0.1:3000', '127.0.0.1'],
    ['[::1]:3000', '::1'],
    ['[2001:db8::1]', '2001:db8::1'],
    ['2001:db8::1', '2001:db8::1'],
  ])('%s is %s', (header, name) => {
    expect(hostNameOf(header)).toBe(name);
  });
});

describe('isServedHost', () => {
  const local = servedHosts({ host: '127.0.0.1', publicUrl: 'https://keydesk.example.com' });

  it('serves loopback names, the HOST and PUBLIC_URL’s name, on any port', () => {
    for (const host of ['localhost:3000', '127.0.0.1:3000', '[::1]:3000', 'keydesk.example.com'])
      expect(isServedHost(withHeaders({ host }), local, false), host).toBe(true);
  });

  it('refuses other names and other addresses', () => {
    for (const host of ['evil.example', 'keydesk.example.com.evil.example', '192.168.1.5:3000', '127.0.0.2'])
      expect(isServedHost(withHeaders({ host }), local, false), host).toBe(false);
  });

  it('believes X-Forwarded-Host only from a trusted proxy', () => {
    const forwarded = withHeaders({ host: '127.0.0.1:3000', 'x-forwarded-host': 'evil.example' });
    expect(isServedHost(forwarded, local, false)).toBe(true);
    expect(isServedHost(forwarded, local, true)).toBe(false);
  });

  it('serves any IP address, but no unknown name, when listening on every interface', () => {
    const everywhere = servedHosts({ host: '0.0.0.0' });
    expect(isServedHost(withHeaders({ host: '192.168.1.5:3000' }), everywhere, false)).toBe(true);
    expect(isServedHost(withHeaders({ host: '[fe80::1]:3000' }), everywhere, false)).toBe(true);
    expect(isServedHost(withHeaders({ host: 'rebind.attacker.example:3000' }), everywhere, false)).toBe(
      false,
    );
  });

  it('serves a named HOST', () => {
    const named = servedHosts({ host: 'keydesk.lan' });
    expect(isServedHost(withHeaders({ host: 'keydesk.lan:3000' }), named, false)).toBe(true);
  });
});
