// Tells visitors of one day apart without keeping who they are: a 53-bit keyed hash of IP and user
// agent, with two random 32-bit keys that belong to one UTC day of one run. The keys live only in
// memory and are dropped with their day, so the numbers cannot be recomputed or joined across days,
// and nothing of it is ever written. Plain JS multiply-rotate lanes instead of SHA-256: this runs once
// per page view, and a per-line crypto call was a seventh of the import's time. The user agent enters
// as a 64-bit digest computed once per distinct agent (it is the long part of the input).
import { randomBytes } from 'node:crypto';

export type VisitorKey = { a: number; b: number };
export type AgentDigest = { a: number; b: number };

const MA = 0x9e3779b1;
const MB = 0x27d4eb2f;

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

/** Two independent 32-bit digests of a user agent (null and "" alike, as the visitor key had them). */
export function agentDigest(userAgent: string | null): AgentDigest {
  let a = 0x243f6a88;
  let b = 0x85a308d3;
  const text = userAgent ?? '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = mix(a, c, MA);
    b = mix(b, c, MB);
  }
  return { a: finish(a ^ text.length), b: finish(b ^ Math.imul(text.length, 0x165667b1)) };
}

/** A number below 2^53 for (ip, agent) under `key`; equal inputs give equal numbers. */
export function visitorHashOf(key: VisitorKey, ip: string, agent: AgentDigest): number {
  let a = key.a;
  let b = key.b;
  for (let i = 0; i < ip.length; i++) {
    const c = ip.charCodeAt(i);
    a = mix(a, c, MA);
    b = mix(b, c, MB);
  }
  // Fixed-width agent words after a variable-length IP: no two (ip, agent) pairs share an input.
  a = mix(mix(a, agent.a, MA), agent.b, MA);
  b = mix(mix(b, agent.b, MB), agent.a, MB);
  a = finish(a ^ ip.length);
  b = finish(b ^ Math.imul(ip.length + 1, 0x165667b1));
  return (a & 0x1fffff) * 4_294_967_296 + b;
}

export function visitorHash(key: VisitorKey, ip: string, userAgent: string | null): number {
  return visitorHashOf(key, ip, agentDigest(userAgent));
}
