import { describe, expect, it } from 'vitest';
import { ipv6Prefix64, parseIpv4, scanIpv6Prefix64 } from './ip-address.ts';

describe('parseIpv4', () => {
  it.each([
    ['1.2.3.4', 0x01020304],
    ['01.2.3.004', 0x01020304],
    ['255.255.255.255', 0xffffffff],
    ['256.1.1.1', null],
    ['1.2.3', null],
    ['1.2.3.4.5', null],
    ['1..2.3', null],
    ['1234.1.1.1', null],
    ['1.2.3.4:80', null],
    ['2001:db8::1', null],
    ['example.org', null],
    // Odd forms go to the general parser, which reads each part with Number() as before.
    ['1e2.1.1.1', 0x64010101],
    ['', null],
  ])('%s → %s', (text, value) => {
    expect(parseIpv4(text)).toBe(value);
  });
});

describe('ipv6Prefix64', () => {
  it.each([
    ['2001:db8::1', [0x2001, 0xdb8, 0, 0]],
    ['::', [0, 0, 0, 0]],
    ['::1', [0, 0, 0, 0]],
    ['1::', [1, 0, 0, 0]],
    ['abcd:EF01::', [0xabcd, 0xef01, 0, 0]],
    ['1:2:3:4:5:6:7:8', [1, 2, 3, 4]],
    ['::2:3:4:5:6:7:8', [0, 2, 3, 4]],
    ['2c0f:e9a0:2:0:0:0:2b::', [0x2c0f, 0xe9a0, 2, 0]],
    ['::ffff:1.2.3.4', [0, 0, 0, 0]],
    ['fe80::1%eth0', [0xfe80, 0, 0, 0]],
    // Groups after the /64 are not read, as before.
    ['1:2:3:4:12345::', [1, 2, 3, 4]],
    ['1:2:3:4:5:6:7:8:9', null],
    ['1::2::3', null],
    [':1:2:3:4:5:6:7', null],
    ['12345::', null],
    ['a:b', null],
    ['1.2.3.4', null],
    ['', null],
  ])('%s → %j', (text, groups) => {
    expect(ipv6Prefix64(text)).toEqual(groups);
  });

  it('reads a range inside a longer string, as the table loader does', () => {
    const out: [number, number, number, number] = [9, 9, 9, 9];
    const text = 'x,2001:db8:1:2::,y';
    expect(scanIpv6Prefix64(text, 2, text.indexOf(',', 2), out)).toBe(true);
    expect(out).toEqual([0x2001, 0xdb8, 1, 2]);
  });
});
