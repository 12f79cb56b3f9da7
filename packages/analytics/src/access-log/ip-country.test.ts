import { beforeAll, describe, expect, it } from 'vitest';
import { countryOfIp, ipv6Prefix64, loadIpCountryTables, networkOfIp } from './ip-country.ts';

describe('countryOfIp', () => {
  // Loading the country tables reads several MB; on a busy machine that alone can outlast one test's timeout.
  beforeAll(() => loadIpCountryTables(), 60_000);

  it.each([
    ['8.8.8.8', 'US'],
    ['1.0.0.5', 'AU'],
    ['::ffff:8.8.8.8', 'US'],
    ['2001:4860:4860::8888', 'US'],
    ['10.0.0.1', 'ZZ'],
    ['::1', 'ZZ'],
    ['example.org', 'ZZ'],
  ])('%s → %s', (ip, country) => {
    expect(countryOfIp(ip)).toBe(country);
  });
});

describe('networks', () => {
  it.each([
    ['203.0.113.77', '203.0.113.0/24'],
    ['::ffff:203.0.113.77', '203.0.113.0/24'],
    ['2001:db8:abcd:12::1', '2001:db8:abcd::/48'],
    ['nonsense', null],
  ])('%s → %s', (ip, network) => {
    expect(networkOfIp(ip)).toBe(network);
  });

  it('expands :: in IPv6', () => {
    expect(ipv6Prefix64('2001:db8::1')).toEqual([0x2001, 0xdb8, 0, 0]);
    expect(ipv6Prefix64('1:2:3:4:5:6:7:8:9')).toBeNull();
  });
});
