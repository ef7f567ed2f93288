import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));
/** Where `npm run dev:client`-style setups find the server (the Vite dev server proxies to it). */
const server = process.env.CRASHLOOP_SERVER ?? 'http://localhost:3000';

export default defineConfig({
  root,
  base: '/',
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: {
    proxy: {
      '/api': server,
      '/socket.io': { target: server, ws: true },
    },
  },
});
