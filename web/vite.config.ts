/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The API is served from the same origin (the local gateway, CloudFront in production). `npm run dev`
// proxies the API prefixes to a running `./localstack/up.sh`, so the app's own routes never start with them.
const api = process.env.PORTAL_API ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/portal': api, '/admin': api, '/openapi.json': api },
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    // dist/.vite/manifest.json: which chunks each page loads (scripts/size.mjs reports them; not deployed).
    manifest: true,
    // Each route is its own chunk (React.lazy); the chart library travels only with the dashboard.
    chunkSizeWarningLimit: 250,
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
  },
});
