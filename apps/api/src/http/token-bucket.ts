// Per-client token buckets in memory. A flood from one client empties only its own bucket, so others
// still get answers; the map is bounded so a flood from many addresses cannot exhaust memory.

export type TokenBucketOptions = {
  /** Burst size. */
  capacity: number;
  /** Tokens added per second. */
  refillPerSecond: number;
  /** Most clients tracked at once. */
  maxClients?: number;
};

type Bucket = { tokens: number; updatedMs: number };

export class TokenBucketLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly maxClients: number;

  constructor(private readonly options: TokenBucketOptions) {
    this.maxClients = options.maxClients ?? 100_000;
  }

  /** Takes one token for `key`; returns 0 when allowed, else the seconds until a token is back. */
  take(key: string, nowMs: number): number {
    const bucket = this.refill(key, nowMs);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return this.secondsUntilToken(bucket);
  }

  /** Like take, but leaves the token in the bucket: for requests counted only once they fail. */
  peek(key: string, nowMs: number): number {
    const bucket = this.buckets.get(key);
    if (!bucket) return 0;
    return bucket.tokens >= 1 ? 0 : this.secondsUntilToken(this.refill(key, nowMs));
  }

  private refill(key: string, nowMs: number): Bucket {
    let bucket = this.buckets.get(key);
    if (bucket) {
      const elapsed = Math.max(0, nowMs - bucket.updatedMs) / 1000;
      bucket.tokens = Math.min(this.options.capacity, bucket.tokens + elapsed * this.options.refillPerSecond);
      bucket.updatedMs = nowMs;
    } else {
      if (this.buckets.size >= this.maxClients) this.sweep(nowMs);
      bucket = { tokens: this.options.capacity, updatedMs: nowMs };
      this.buckets.set(key, bucket);
    }
    return bucket;
  }

  private secondsUntilToken(bucket: Bucket): number {
    return bucket.tokens >= 1 ? 0 : Math.ceil((1 - bucket.tokens) / this.options.refillPerSecond);
  }

  /** Drops buckets that have refilled (they behave like new ones), else the oldest half. */
  private sweep(nowMs: number): void {
    const fullAfterMs = (this.options.capacity / this.options.refillPerSecond) * 1000;
    for (const [key, bucket] of this.buckets)
      if (nowMs - bucket.updatedMs >= fullAfterMs) this.buckets.delete(key);
    if (this.buckets.size < this.maxClients) return;
    let drop = Math.floor(this.buckets.size / 2);
    for (const key of this.buckets.keys()) {
      if (drop-- <= 0) break;
      this.buckets.delete(key);
    }
  }

  get size(): number {
    return this.buckets.size;
  }
}

/** IPv4 addresses are limited one by one; IPv6 clients by /64, since one host may own a whole /64. */
export function rateLimitKey(ip: string | null): string {
  if (!ip) return 'unknown';
  if (ip.startsWith('::ffff:') && ip.includes('.')) return ip.slice(7);
  if (!ip.includes(':')) return ip;
  const [head = '', tail] = ip.split('::');
  const groups = head ? head.split(':') : [];
  if (tail !== undefined && groups.length < 4) while (groups.length < 4) groups.push('0');
  return `${groups.slice(0, 4).join(':')}::/64`;
}
