// User agent → browser, major version and OS with ua-parser-js 1.x (MIT; 2.x is AGPL, so not used),
// bots with isbot (Unlicense), named from a fixed list (bot-names.ts). Visits repeat the same few
// agents, so results are cached by string.
import { isbot } from 'isbot';
import UAParser from 'ua-parser-js';
import { botLabelOf, NO_AGENT_BOT } from './bot-names.ts';
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

// Requests of one visit come one after another with the same agent: comparing with the last one is
// cheaper than hashing the string for the map.
let lastAgent = '';
let lastInfo: AgentInfo | null = null;

/** `hasAgentField` false: a Common Log Format line, whose agent is unknown rather than missing. */
export function classifyUserAgent(userAgent: string | null, hasAgentField = true): AgentInfo {
  if (userAgent === null) return hasAgentField ? NO_AGENT : UNKNOWN_AGENT;
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

const NO_AGENT: AgentInfo = { kind: 'bot', bot: NO_AGENT_BOT };
const UNKNOWN_AGENT: AgentInfo = {
  kind: 'browser',
  browser: 'Unknown',
  browserVersion: '',
  os: 'Unknown',
  key: ['Unknown', '', 'Unknown'].join(BROWSER_KEY_SEPARATOR),
  digest: agentDigest(null),
};

function classify(userAgent: string): AgentInfo {
  if (isbot(userAgent)) return { kind: 'bot', bot: botLabelOf(userAgent) };
  const result = new UAParser(userAgent).getResult();
  const browser = result.browser.name ?? 'Other';
  const browserVersion = result.browser.major ?? '';
  const os = result.os.name ?? 'Other';
  const key = [browser, browserVersion, os].join(BROWSER_KEY_SEPARATOR);
  return { kind: 'browser', browser, browserVersion, os, key, digest: agentDigest(userAgent) };
}
