// User agent → browser, major version and OS with ua-parser-js 1.x (MIT; 2.x is AGPL, so not used),
// bots with isbot (Unlicense). Visits repeat the same few agents, so results are cached by string.
import { isbot } from 'isbot';
import UAParser from 'ua-parser-js';
import { detach } from './detach-string.ts';
import { type AgentDigest, agentDigest } from './visitor-hash.ts';

export type AgentInfo =
  | { kind: 'bot'; bot: string }
  | {
      kind: 'browser';
      browser: string;
      browserVersion: string;
      os: string;
      key: string;
      /** The string's digest for the visitor hash, computed once per distinct agent. */
      digest: AgentDigest;
    };

/** Joins browser, version and OS into one aggregation key (split again when written). */
export const BROWSER_KEY_SEPARATOR = '\u0000';

const CACHE_LIMIT = 20_000;
const cache = new Map<string, AgentInfo>();
const BOT_NAME = /([A-Za-z][\w.-]*?(?:bot|crawler|spider|slurp|fetcher|scanner))\b/i;

// Requests of one visit come one after another with the same agent: comparing with the last one is
// cheaper than hashing the string for the map.
let lastAgent = '';
let lastInfo: AgentInfo | null = null;

export function classifyUserAgent(userAgent: string | null): AgentInfo {
  if (userAgent === null) return NO_AGENT;
  if (lastInfo !== null && userAgent === lastAgent) return lastInfo;
  let info = cache.get(userAgent);
  if (!info) {
    const copy = detach(userAgent);
    info = classify(copy);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(copy, info);
  }
  lastAgent = userAgent;
  lastInfo = info;
  return info;
}

const NO_AGENT: AgentInfo = { kind: 'bot', bot: '(no user agent)' };

function classify(userAgent: string): AgentInfo {
  if (isbot(userAgent)) {
    const name = BOT_NAME.exec(userAgent)?.[1] ?? userAgent.split(/[/\s;(]/)[0] ?? 'Other bot';
    return { kind: 'bot', bot: name.slice(0, 40) || 'Other bot' };
  }
  const result = new UAParser(userAgent).getResult();
  const browser = result.browser.name ?? 'Other';
  const browserVersion = result.browser.major ?? '';
  const os = result.os.name ?? 'Other';
  const key = [browser, browserVersion, os].join(BROWSER_KEY_SEPARATOR);
  return { kind: 'browser', browser, browserVersion, os, key, digest: agentDigest(userAgent) };
}
