// Loads Prisma's schema engine compiled to WebAssembly, so migration SQL can be computed
// on a machine without Prisma's native engine (no internet). Node 20 cannot import a .wasm
// module, so the glue module is instantiated by hand.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';

const require = createRequire(import.meta.url);

// Node's WebAssembly global, typed just enough for this loader (the DOM lib is not in scope here).
type WasmExports = Record<string, unknown>;
const Wasm = (
  globalThis as unknown as {
    WebAssembly: {
      Module: new (bytes: Uint8Array) => object;
      Instance: new (module: object, imports: Record<string, unknown>) => { exports: WasmExports };
    };
  }
).WebAssembly;

type WasmGlue = Record<string, unknown> & {
  __wbg_set_wasm(exports: WasmExports): void;
  SchemaEngine: typeof SchemaEngine;
};

let glue: WasmGlue | undefined;

async function loadGlue(): Promise<WasmGlue> {
  if (glue) return glue;
  const globalWithRegistry = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(m: string): void } };
  // The engine reports Rust panics through this global; without it a panic is unreadable.
  globalWithRegistry.PRISMA_WASM_PANIC_REGISTRY ??= {
    set_message(message: string) {
      throw new Error(`Prisma schema engine panicked: ${message}`);
    },
  };
  const gluePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const pkgDir = path.dirname(gluePath);
  const module = (await import('@prisma/schema-engine-wasm/schema_engine_bg')) as unknown as WasmGlue;
  const bytes = readFileSync(path.join(pkgDir, 'schema_engine_bg.wasm'));
  const instance = new Wasm.Instance(new Wasm.Module(bytes), { './schema_engine_bg.js': module });
  module.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  glue = module;
  return module;
}

/** Opens the wasm schema engine against a SQLite file (the file is its working database). */
export async function openSchemaEngine(options: {
  schemaPath: string;
  dbFile: string;
}): Promise<SchemaEngine> {
  const { SchemaEngine: Engine } = await loadGlue();
  const schema = readFileSync(options.schemaPath, 'utf8');
  const adapter = bindMigrationAwareSqlAdapterFactory(
    new PrismaBetterSqlite3({ url: `file:${options.dbFile}` }),
  );
  return Engine.new({ datamodels: [[options.schemaPath, schema]] }, () => {}, adapter);
}
