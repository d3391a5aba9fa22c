import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

const root = __dirname;

/**
 * Writes a .br and a .gz beside every text asset of the build, so the gateway serves them compressed
 * without compressing on each request (and without a compression middleware in the gateway).
 */
function precompress(): Plugin {
  return {
    name: 'tw-precompress',
    apply: 'build',
    closeBundle() {
      const dist = path.join(root, 'dist');
      const walk = (dir: string): string[] =>
        fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(path.join(dir, d.name)) : [path.join(dir, d.name)]));
      for (const file of walk(dist)) {
        if (!/\.(js|css|html|svg|json|map)$/.test(file)) continue;
        const data = fs.readFileSync(file);
        if (data.length < 1024) continue;
        fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(data, { level: 9 }));
      }
    },
  };
}

// The console is served by the gateway at /console/ (index.html) and the IDE at /graphql (ide.html),
// on the platform's own origin: everything is bundled, nothing is loaded from another host.
export default defineConfig({
  root,
  base: '/console/',
  resolve: {
    alias: {
      // the national code tables' Chinese labels: plain TypeScript, bundled from the kernel's source
      '@tw/kernel/codes': path.resolve(root, '../packages/kernel/src/codes/index.ts'),
      // the data-gap rule, shared with the workbook export
      '@tw/kernel/data-gaps': path.resolve(root, '../packages/kernel/src/reports/data-gaps.ts'),
    },
  },
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // a CSP of script-src 'self' allows no inline script: no polyfill injected into the HTML
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 2500,
    rollupOptions: {
      input: { main: path.join(root, 'index.html'), ide: path.join(root, 'ide.html') },
      output: {
        manualChunks(id) {
          if (/node_modules\/(react|react-dom|scheduler|react-router)\//.test(id)) return 'react';
          if (/node_modules\/(zrender|echarts)\//.test(id)) return 'echarts';
          return undefined;
        },
      },
    },
  },
  plugins: [precompress()],
  server: {
    // npm run dev -w console: the gateway of `npm start` answers the API
    proxy: Object.fromEntries(['/graphql', '/imports', '/templates', '/reports', '/console/config.json', '/console/dev-token', '/console/oidc'].map((p) => [p, 'http://127.0.0.1:4000'])),
  },
});
