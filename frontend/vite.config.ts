/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// The development server answers /config.json from the same environment variables as server.mjs, and
// proxies the API to the local backend, so `npm run dev` behaves like the production server.
const backendUrl = process.env.CUSTODIA_BACKEND_URL || 'http://localhost:8080';

function runtimeConfig(): Plugin {
  return {
    name: 'custodia-runtime-config',
    configureServer(server) {
      server.middlewares.use('/config.json', (_req, res) => {
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.setHeader('Cache-Control', 'no-store');
        res.end(
          JSON.stringify({
            apiBaseUrl: process.env.CUSTODIA_API_BASE_URL ?? '',
            keycloakUrl: process.env.CUSTODIA_KEYCLOAK_URL || 'http://localhost:8180',
            platformRealm: process.env.CUSTODIA_PLATFORM_REALM || 'platform',
            clientId: process.env.CUSTODIA_WEB_CLIENT_ID || 'custodia-web',
          }),
        );
      });
    },
  };
}

export default defineConfig({
  plugins: [react(), runtimeConfig()],
  server: {
    port: Number(process.env.PORT || 5173),
    strictPort: true,
    proxy: {
      '/api': { target: backendUrl, changeOrigin: false },
      '/v3': { target: backendUrl, changeOrigin: false },
    },
  },
  build: {
    // The budget check (scripts/check-bundle-budget.mjs) reads the manifest to find what sign-in needs.
    manifest: true,
    sourcemap: true,
    chunkSizeWarningLimit: 600,
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    // Several checkouts share two cores: rendering a form with many inputs can take seconds under that load.
    testTimeout: 30_000,
  },
});
