import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';
import { compileHintFirstScreen, precompressAssets } from './build-plugins.ts';

const apiTarget = process.env.KEYDESK_API_URL ?? 'http://127.0.0.1:3000';

const config = {
  // The Overview is the first screen after sign-in: its code is part of the entry (router.tsx).
  plugins: [react(), compileHintFirstScreen(), precompressAssets()],
  build: {
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
    // bench/web.bench.ts follows the manifest to sum the JavaScript the first screen needs.
    manifest: true,
    rollupOptions: {
      output: {
        // Keep the framework in a long-cached chunk apart from page code. Exact package names: a prefix
        // match ("node_modules/react") also swept every react-* library a lazy page uses (such as the
        // toasts' react-transition-group) into the chunk every page loads.
        manualChunks(id) {
          if (/node_modules\/(react|react-dom|scheduler|react-router)\//.test(id)) return 'react';
          if (id.includes('node_modules/chart.js')) return 'chartjs';
          // Popovers (selects, date pickers, menus) only: on its own, Rollup folded it into the chunk
          // the Overview's table comes from.
          if (id.includes('node_modules/@floating-ui/')) return 'floating-ui';
          return undefined;
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/trpc': apiTarget, '/hooks': apiTarget, '/collect': apiTarget },
  },
} satisfies UserConfig;

export default defineConfig(({ command }) => {
  // A build is always the shipped bundle. React picks its development build (three times the bytes,
  // and slower) from NODE_ENV, which a test runner or the owner's shell may have set to anything.
  // Vite reads NODE_ENV after loading this file and derives both the JSX transform (jsx or jsxDEV)
  // and React's build from it, so setting it here keeps the two in step; a `define` alone gave the
  // production React with development JSX calls, and the page threw "jsxDEV is not a function".
  if (command === 'build') process.env.NODE_ENV = 'production';
  return config;
});
