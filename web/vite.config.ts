import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { htmlForPath } from '../common/web-pages.ts';
import { h5ServiceWorker } from './h5-service-worker.ts';

const backend = 'http://127.0.0.1:8080';

/** In dev, a page's client-side routes (/h5/tasks, /public/track) get that page's HTML, as the server does. */
function pagePerPrefix(): Plugin {
  return {
    name: 'cityloop-page-per-prefix',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const [path = '', query] = (req.url ?? '').split('?');
        const html = htmlForPath(path);
        if (html !== 'index.html' && !path.includes('.') && (req.headers.accept ?? '').includes('text/html')) {
          req.url = `/${html}${query ? `?${query}` : ''}`;
        }
        next();
      });
    },
  };
}

/**
 * Four pages (index.html the console, public.html, h5.html, dashboard.html; common/web-pages.ts), each with
 * its own entry so a citizen never downloads the console. React, Leaflet and ECharts are long-cached chunks of
 * their own; antd is left to the bundler's per-page splitting, so a page loads only the antd components it uses
 * (one shared antd chunk would put all of them on every page). Console pages are lazy (routes.tsx).
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [react(), pagePerPrefix(), h5ServiceWorker()],
  server: {
    port: 5173,
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      '/docs': { target: backend, changeOrigin: false },
      '/open311': { target: backend, changeOrigin: false },
    },
  },
  preview: { port: 4173 },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    // scripts/bundle-budget.ts reads the manifest to measure what each page's first load fetches.
    manifest: true,
    rolldownOptions: {
      input: {
        index: resolve(import.meta.dirname, 'index.html'),
        public: resolve(import.meta.dirname, 'public.html'),
        h5: resolve(import.meta.dirname, 'h5.html'),
        dashboard: resolve(import.meta.dirname, 'dashboard.html'),
      },
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|react-router|react-router-dom|scheduler)[\\/]/,
              priority: 30,
            },
            // Leaflet travels with the map pages only, not in the startup vendor chunk.
            { name: 'leaflet', test: /node_modules[\\/]leaflet[\\/]/, priority: 15 },
            // ECharts (and its renderer zrender) only with the dashboard and report pages.
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 15 },
          ],
        },
      },
    },
  },
});
