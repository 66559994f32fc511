// Build-time constants Vite writes into the code (vite.config.ts `define`); Node code that runs
// without Vite (the command line) reads package.json instead.
/// <reference types="vite-plugin-pwa/vanillajs" />

/** The app's version, package.json's "version" at build time. */
declare const __APP_VERSION__: string;
