import { z } from 'zod';

const token = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[\p{L}\p{N} ._+()-]+$/u, 'letters, digits, spaces and . _ + ( ) - only');

/** What the program sends once a day. Unknown fields are ignored; everything is bounded. */
export const ZUpdateCheck = z.object({
  product: token(64),
  version: token(32),
  os: token(32),
  osVersion: token(32),
  language: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8}){0,3}$/, 'a language tag such as en or pt-BR'),
  licenseKey: z
    .string()
    .trim()
    .max(64)
    .regex(/^[A-Za-z0-9-]*$/)
    .optional(),
});

export type UpdateCheck = z.infer<typeof ZUpdateCheck>;

/** Compares dotted versions numerically ("5.10.0" > "5.9.1"); non-numeric parts compare as text. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.+-]/);
  const pb = b.split(/[.+-]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '0';
    const y = pb[i] ?? '0';
    const nx = Number(x);
    const ny = Number(y);
    const diff = Number.isFinite(nx) && Number.isFinite(ny) ? nx - ny : x.localeCompare(y);
    if (diff !== 0) return Math.sign(diff);
  }
  return 0;
}
