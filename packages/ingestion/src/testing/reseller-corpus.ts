// The published reseller samples of ../../test-corpus as ordered form pairs, and re-signed with a
// test key the way 2Checkout signs (HMAC over the length-prefixed values in their order).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type AvangateAlgorithm, avangateHmac, signedValues } from '../avangate-ipn.ts';

export const CORPUS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test-corpus');

export type CorpusSample = { file: string; fields: Record<string, string | string[]> };

export function readAvangateSamples(): CorpusSample[] {
  const dir = path.join(CORPUS_DIR, 'avangate');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({
      file,
      fields: JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Record<string, string | string[]>,
    }));
}

/** JSON arrays and `NAME[]` keys alike become repeated `NAME[]` fields, in the sample's order. */
export function samplePairs(sample: CorpusSample): [string, string][] {
  return Object.entries(sample.fields).flatMap(([name, value]): [string, string][] =>
    Array.isArray(value) ? value.map((v): [string, string] => [`${name}[]`, v]) : [[name, value]],
  );
}

const SIGNATURE_FIELD: Record<AvangateAlgorithm, string> = {
  sha256: 'SIGNATURE_SHA2_256',
  'sha3-256': 'SIGNATURE_SHA3_256',
  md5: 'HASH',
};

/** The sample without its published signatures, signed anew with `secretKey` by one algorithm. */
export function resignSample(
  pairs: [string, string][],
  secretKey: string,
  algorithm: AvangateAlgorithm,
): [string, string][] {
  const unsigned = pairs.filter(([name]) => !Object.values(SIGNATURE_FIELD).includes(name));
  return [
    ...unsigned,
    [SIGNATURE_FIELD[algorithm], avangateHmac(algorithm, secretKey, signedValues(unsigned))],
  ];
}
