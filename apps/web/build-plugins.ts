// Build steps for how the app is delivered: what the first screen fetches early, and how it travels.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { HtmlTagDescriptor, Plugin, Rollup } from 'vite';

type Bundle = Rollup.OutputBundle;

/** The chunk that holds `pageModule`, and every chunk it imports statically, by file name. */
function pageClosure(bundle: Bundle, pageModule: string): Set<string> {
  const page = Object.values(bundle).find(
    (output) => output.type === 'chunk' && output.facadeModuleId?.endsWith(pageModule),
  );
  if (!page) throw new Error(`No chunk for ${pageModule}.`);
  const files = new Set<string>();
  const visit = (fileName: string) => {
    const output = bundle[fileName];
    if (files.has(fileName) || output?.type !== 'chunk') return;
    files.add(fileName);
    for (const imported of output.imports) visit(imported);
  };
  visit(page.fileName);
  return files;
}

/**
 * Links the chunks of `pageModule` (and those they import) from index.html as modulepreloads, so the
 * browser fetches the Overview's code beside the entry instead of after the entry has run.
 */
export function preloadPageChunks(pageModule: string): Plugin {
  return {
    name: 'keydesk-preload-page-chunks',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        return [...pageClosure(ctx.bundle ?? {}, pageModule)]
          .filter((fileName) => !html.includes(`/${fileName}"`))
          .map(
            (fileName): HtmlTagDescriptor => ({
              tag: 'link',
              attrs: { rel: 'modulepreload', crossorigin: true, href: `/${fileName}` },
              injectTo: 'head',
            }),
          );
      },
    },
  };
}

/**
 * Marks the first screen's chunks (the entry, what it imports, and `pageModule`'s chunks) with V8's
 * explicit compile hint. V8 otherwise compiles each function lazily, on the main thread, the first
 * time it runs, and nearly every function in these chunks runs on the first load; with the hint
 * they are compiled on the background thread that parses the script while it downloads. Only
 * these chunks: compiling a whole lazy page eagerly would cost more than it saves.
 */
export function compileHintFirstScreen(pageModule: string): Plugin {
  return {
    name: 'keydesk-compile-hint-first-screen',
    apply: 'build',
    // After Vite's own generateBundle steps, which still edit chunks' code by offsets.
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const files = pageClosure(bundle, pageModule);
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
