import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = import.meta.dirname;

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: resolve(root, 'dist'),
    emptyOutDir: true,
    // The server's CSP forbids inline scripts, so never inline the entry.
    assetsInlineLimit: 0,
    // Every page is its own chunk (lazy routes in app/router.tsx) and the charts load only with
    // the progress section, so the entry holds React, Mantine, the router and the signed-in
    // layout (about 520 kB before gzip). Kept as a guard: a chunk over this warns at build.
    chunkSizeWarningLimit: 1100,
  },
  server: {
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
});
