import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// The screen is built into dist/screen and served by Fastify in production; in development
// Vite proxies the API and the socket to the server so the screen always talks same-origin.
const apiPort = Number(process.env.VANGUARD_API_PORT ?? 5170);

export default defineConfig({
  root: 'screen',
  base: '/',
  plugins: [vue()],
  build: {
    outDir: '../dist/screen',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    // Separate small pages, so the wall's bundle carries none of the login, pairing or remote code.
    rollupOptions: {
      input: Object.fromEntries(['index', 'login', 'pair', 'remote'].map((page) => [page, resolve(import.meta.dirname, 'screen', `${page}.html`)])),
    },
  },
  server: {
    proxy: {
      '/api': `http://127.0.0.1:${apiPort}`,
      '/socket.io': { target: `ws://127.0.0.1:${apiPort}`, ws: true },
    },
  },
});
