// Sums what the browser must download for one screen: the entry, the route's chunk, and every chunk
// they import statically (dynamic imports load later, on demand), read from Vite's manifest.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

type ManifestChunk = { file: string; imports?: string[]; css?: string[]; isEntry?: boolean };
export type ViteManifest = Record<string, ManifestChunk>;

export function readManifest(distDir: string): ViteManifest {
  return JSON.parse(readFileSync(path.join(distDir, '.vite/manifest.json'), 'utf8')) as ViteManifest;
}

/** Files (JS and CSS) reachable by static imports from the given manifest keys. */
export function staticClosure(manifest: ViteManifest, keys: string[]): { js: string[]; css: string[] } {
  const seen = new Set<string>();
  const js = new Set<string>();
  const css = new Set<string>();
  const stack = [...keys];
  while (stack.length > 0) {
    const key = stack.pop() as string;
    if (seen.has(key)) continue;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`The manifest has no entry "${key}".`);
    js.add(chunk.file);
    for (const file of chunk.css ?? []) css.add(file);
    stack.push(...(chunk.imports ?? []));
  }
  return { js: [...js].sort(), css: [...css].sort() };
}

export function gzipSizeKb(distDir: string, files: string[]): number {
  return compressedSizeKb(distDir, files, (data) => gzipSync(data, { level: 9 }));
}

/** Brotli at its highest quality: what the server sends browsers that accept it (it precompresses). */
export function brotliSizeKb(distDir: string, files: string[]): number {
  const quality = { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } };
  return compressedSizeKb(distDir, files, (data) => brotliCompressSync(data, quality));
}

function compressedSizeKb(distDir: string, files: string[], compress: (data: Buffer) => Buffer): number {
  let bytes = 0;
  for (const file of files) bytes += compress(readFileSync(path.join(distDir, file))).length;
  return bytes / 1024;
}
