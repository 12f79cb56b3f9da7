// The webhook corpora of `bench/corpus.bench.ts`: each entry knows its samples, starts the real HTTP
// server with its secret saved, and signs and posts one sample as its sender would. A new corpus is
// one more entry in HOOK_CORPORA; what was stored, repeated or refused is then counted from the
// WebhookEvent rows of its source, never from the replies.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '@keydesk/db';
import { postTawk, startTawkServer, tawkCorpus } from '../apps/api/test/webhooks/tawk-fixtures.ts';
import { form, post, SECRETS, startWebhookServer } from '../apps/api/test/webhooks/webhook-fixtures.ts';
import { avangateHmac, signedValues } from '../packages/ingestion/src/avangate-ipn.ts';

export type HookSample = { name: string; body: Buffer | string };

export type HookCorpus = {
  /** WebhookEvent.source of its rows. */
  source: string;
  samples(): HookSample[];
  /** The real server with this corpus's secret saved, on a free port of loopback. */
  start(db: Db): Promise<{ url: string; close(): Promise<void> }>;
  /** Signs and posts one sample; returns the HTTP status. */
  send(url: string, sample: HookSample): Promise<number>;
};

const tawk: HookCorpus = {
  source: 'tawk',
  samples: tawkCorpus,
  start: (db) => startTawkServer(db),
  // tawk.to sends the same X-Hook-Event-Id with every retry of one event.
  send: async (url, { name, body }) => (await postTawk(url, body, { eventId: `evt-${name}` })).status,
};

const RESELLER_CORPUS_DIR = path.resolve(import.meta.dirname, '../packages/ingestion/test-corpus/avangate');

/** A published 2Checkout IPN (JSON, arrays for repeated fields) as ordered form pairs. */
function avangatePairs(body: Buffer | string): [string, string][] {
  const fields = JSON.parse(body.toString()) as Record<string, string | string[]>;
  return Object.entries(fields).flatMap(([name, value]): [string, string][] =>
    Array.isArray(value) ? value.map((v): [string, string] => [`${name}[]`, v]) : [[name, value]],
  );
}

/** Published 2Checkout IPNs, re-signed with the test key; the server's clock is set near each IPN_DATE. */
function avangateCorpus(): HookCorpus {
  let clock = Date.now();
  return {
    source: 'avangate',
    samples: () =>
      readdirSync(RESELLER_CORPUS_DIR)
        .filter((name) => name.endsWith('.json'))
        .sort()
        .map((name) => ({ name, body: readFileSync(path.join(RESELLER_CORPUS_DIR, name)) })),
    start: (db) => startWebhookServer(db, () => new Date(clock)),
    async send(url, sample) {
      const unsigned = avangatePairs(sample.body).filter(
        ([name]) => !['HASH', 'SIGNATURE_SHA2_256', 'SIGNATURE_SHA3_256'].includes(name),
      );
      const ipnDate = unsigned.find(([name]) => name === 'IPN_DATE')?.[1] ?? '';
      const wallClock = Date.parse(
        ipnDate.replace(/^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)$/, '$1-$2-$3T$4:$5:$6Z'),
      );
      // IPN_DATE is the vendor's wall-clock time: half a day later is fresh in any time zone.
      if (!Number.isNaN(wallClock)) clock = wallClock + 14 * 3_600_000;
      const signature = avangateHmac('sha256', SECRETS.avangate, signedValues(unsigned));
      return (await post(`${url}/hooks/avangate`, form([...unsigned, ['SIGNATURE_SHA2_256', signature]])))
        .status;
    },
  };
}

export const HOOK_CORPORA: HookCorpus[] = [
  tawk,
  // Arrives with the reseller corpus; counted as soon as its folder is there.
  ...(existsSync(RESELLER_CORPUS_DIR) ? [avangateCorpus()] : []),
];
