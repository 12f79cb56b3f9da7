// Tells visitors of one day apart without keeping who they are: a 53-bit keyed hash of IP and user
// agent, with two random 32-bit keys that belong to one UTC day of one run. The keys live only in
// memory and are dropped with their day, so the numbers cannot be recomputed or joined across days,
// and nothing of it is ever written. Plain JS multiply-rotate lanes instead of SHA-256: this runs once
// per page view, and a per-line crypto call was a seventh of the import's time.
import { randomBytes } from 'node:crypto';

export type VisitorKey = { a: number; b: number };

export function newVisitorKey(): VisitorKey {
  const bytes = randomBytes(8);
  return { a: bytes.readUInt32LE(0), b: bytes.readUInt32LE(4) };
}

function mix(h: number, c: number, multiplier: number): number {
  const x = Math.imul(h ^ c, multiplier);
  return (x << 13) | (x >>> 19);
}

function finish(h: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** A number below 2^53 for (ip, userAgent) under `key`; equal inputs give equal numbers. */
export function visitorHash(key: VisitorKey, ip: string, userAgent: string | null): number {
  let a = key.a;
  let b = key.b;
  for (let i = 0; i < ip.length; i++) {
    const c = ip.charCodeAt(i);
    a = mix(a, c, 0x9e3779b1);
    b = mix(b, c, 0x27d4eb2f);
  }
  // The separator keeps ("1.2.3.4", "5x") apart from ("1.2.3.45", "x").
  a = mix(a, 0x10000, 0x9e3779b1);
  b = mix(b, 0x10000, 0x27d4eb2f);
  if (userAgent !== null)
    for (let i = 0; i < userAgent.length; i++) {
      const c = userAgent.charCodeAt(i);
      a = mix(a, c, 0x9e3779b1);
      b = mix(b, c, 0x27d4eb2f);
    }
  a = finish(a ^ (ip.length + (userAgent?.length ?? -1) * 65_536));
  b = finish(b ^ Math.imul(ip.length + 1, 0x165667b1));
  return (a & 0x1fffff) * 4_294_967_296 + b;
}
