import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { htmlForPath } from './src/entries/pages.ts';

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
 * Four pages (index.html the console, public.html, h5.html, dashboard.html; web/src/entries/pages.ts), each with
 * its own entry so a citizen never downloads the console. Vendor code is split into long-cached chunks (react, antd and its rc-component/icon families), so a release
 * that only changes our pages re-downloads only our small page chunks. Pages themselves are lazy (routes.tsx).
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [react(), pagePerPrefix()],
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
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|react-router-dom|scheduler)[\\/]/, priority: 30 },
            { name: 'antd-icons', test: /node_modules[\\/]@ant-design[\\/]icons/, priority: 25 },
            { name: 'antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[\w-]+|@emotion|dayjs|stylis)[\\/]/, priority: 20 },
            // Leaflet travels with the map pages only, not in the startup vendor chunk.
            { name: 'leaflet', test: /node_modules[\\/]leaflet[\\/]/, priority: 15 },
            // ECharts (and its renderer zrender) only with the dashboard and report pages.
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 15 },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
});
