import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiTarget = process.env.KEYDESK_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  build: {
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
    rollupOptions: {
      output: {
        // Keep the framework in a long-cached chunk apart from page code.
        manualChunks(id) {
          if (id.includes('node_modules/react') || id.includes('node_modules/scheduler')) return 'react';
          if (id.includes('node_modules/chart.js')) return 'chartjs';
          return undefined;
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/trpc': apiTarget, '/hooks': apiTarget, '/collect': apiTarget },
  },
});
