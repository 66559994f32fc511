/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig, type Plugin } from 'vite';
import pkg from './package.json' with { type: 'json' };

// The largest file the service worker precaches: the data worker's chunk is 2.17 MB (tfjs inside),
// over Workbox's 2 MiB default, which would silently leave it out and break the app offline.
const PRECACHE_LIMIT_BYTES = 4 * 1024 * 1024;

/**
 * Leaves index.html's Content-Security-Policy meta out on the dev server only: React Refresh's
 * preamble there is an inline script the policy forbids. The build has none and keeps the meta.
 */
function cspOnlyInBuild(): Plugin {
  return {
    name: 'creditlab:csp-only-in-build',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, ''),
  };
}

// base './' so the built app works from any sub-path of a static host.
export default defineConfig({
  base: './',
  plugins: [
    react(),
    cspOnlyInBuild(),
    VitePWA({
      // A new version waits until the user says so (src/ui/shell/UpdatePrompt.tsx); main.tsx
      // registers the worker itself once the page is idle, so nothing inline lands in index.html.
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'CreditLab',
        short_name: 'CreditLab',
        description: pkg.description,
        // Relative to the manifest, so an install from any sub-path opens that sub-path.
        start_url: './',
        scope: './',
        display: 'standalone',
        theme_color: '#1f4e79',
        background_color: '#ffffff',
        icons: [
          { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
          { src: 'pwa-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'pwa-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'pwa-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      // The glob below already finds the icons; the plugin adds the manifest to the precache itself.
      includeManifestIcons: false,
      workbox: {
        // Everything the flow needs offline: the tfjs wasm binaries and the sample book included.
        globPatterns: ['**/*.{js,css,html,svg,png,ico,wasm,csv,json}'],
        maximumFileSizeToCacheInBytes: PRECACHE_LIMIT_BYTES,
        // Serve from the cache as soon as the first install completes, without waiting for a reload.
        clientsClaim: true,
      },
    }),
  ],
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
