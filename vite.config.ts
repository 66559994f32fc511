/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import pkg from './package.json' with { type: 'json' };

// base './' so the built app works from any sub-path of a static host.
export default defineConfig({
  base: './',
  plugins: [react()],
  // The version written into every model bundle's provenance (src/vite-env.d.ts declares it).
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  worker: { format: 'es' },
  optimizeDeps: {
    // The tfjs packages are imported only by the worker; listing them stops the dev
    // server from discovering them late and reloading the page mid-session.
    include: ['@tensorflow/tfjs', '@tensorflow/tfjs-backend-webgl', '@tensorflow/tfjs-backend-wasm', '@tensorflow/tfjs-backend-cpu', 'papaparse', 'comlink'],
  },
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
  preview: { port: 4173, strictPort: true },
  test: {
    // `npm run quality` (QUALITY=1) runs the slower end-to-end quality checks of the evaluate command.
    include: process.env.QUALITY ? ['src/**/*.quality.ts'] : ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    // Each quality file waits on one single-threaded evaluate process at a time: two files use both cores.
    ...(process.env.QUALITY ? { maxWorkers: 2 } : {}),
    environment: 'node',
  },
});
