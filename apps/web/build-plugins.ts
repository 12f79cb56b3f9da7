// Build steps for how the app is delivered: how the first screen compiles, and how it travels.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/**
 * Marks the first screen's chunks (the entry, which holds the Overview, and what it imports) with
 * V8's explicit compile hint. V8 otherwise compiles each function lazily, on the main thread, the
 * first time it runs, and nearly every function in these chunks runs on the first load; with the
 * hint they are compiled on the background thread that parses the script while it downloads. Only
 * these chunks: compiling a whole lazy page eagerly would cost more than it saves.
 */
export function compileHintFirstScreen(): Plugin {
  return {
    name: 'keydesk-compile-hint-first-screen',
    apply: 'build',
    // After Vite's own generateBundle steps, which still edit chunks' code by offsets.
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const files = new Set<string>();
        for (const output of Object.values(bundle))
          if (output.type === 'chunk' && output.isEntry)
            for (const fileName of [output.fileName, ...output.imports]) files.add(fileName);
        for (const fileName of files) {
          const output = bundle[fileName];
          // At the top of the file, where V8 looks for it.
          if (output?.type === 'chunk') output.code = `//# allFunctionsCalledOnLoad\n${output.code}`;
        }
      },
    },
  };
}

const COMPRESSIBLE = /\.(js|css|html|svg|json)$/;

/**
 * Writes `.br` and `.gz` beside every text file of the build, compressed once at the highest level;
 * the server (sirv) sends them to browsers that accept them, at no cost per request.
 */
export function precompressAssets(): Plugin {
  return {
    name: 'keydesk-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir ?? 'dist';
      for (const fileName of Object.keys(bundle)) {
        if (!COMPRESSIBLE.test(fileName)) continue;
        const file = path.join(dir, fileName);
        const bytes = readFileSync(file);
        if (bytes.length < 1024) continue;
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(bytes, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
              [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
            },
          }),
        );
        writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
      }
    },
  };
}
