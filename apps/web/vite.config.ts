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
    // One bundle for a small app; React, Mantine and the router make up most of it, and the
    // shared contracts bring Zod (about 30 kB) with the rules the web takes from them.
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
