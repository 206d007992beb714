import path from 'node:path'
import vue from '@vitejs/plugin-vue'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'
import Components from 'unplugin-vue-components/vite'
import { defineConfig } from 'vite'
import { precompress } from './scripts/precompress-plugin.ts'

const hub = process.env.HUB_URL ?? 'http://127.0.0.1:8080'

// The console is served by the hub under /console/ from web/dist; `vite` (dev) proxies the API to a hub.
export default defineConfig({
  root: import.meta.dirname,
  base: '/console/',
  plugins: [
    vue(),
    // Element Plus components and their styles are imported where they are used, page by page.
    Components({
      resolvers: [ElementPlusResolver({ importStyle: 'css' })],
      dts: path.join(import.meta.dirname, 'src/components.d.ts'),
    }),
    // Brotli and gzip copies of the built files, served to browsers that accept them.
    precompress(),
  ],
  build: {
    outDir: path.join(import.meta.dirname, 'dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        // A page's first load is a handful of files, not thirty: on HTTP/1.1 a browser opens six
        // connections to the hub, so every further file waits for one (the dashboard measured ~30 files,
        // about half a second of queueing, bench/support/profile-dashboard.ts). Element Plus and its
        // helpers are one file every page shares, and the console's own pieces every page uses (the problem
        // alert, formatting, department names) another; both download beside the entry (the modulepreload
        // Vite writes into the built index.html) rather than after the session check.
        codeSplitting: {
          groups: [
            {
              name: 'element-plus',
              test: /node_modules[\\/](element-plus|@element-plus|@popperjs|@ctrl|@vueuse|lodash-es|@floating-ui|async-validator|dayjs|memoize-one|normalize-wheel-es)[\\/]/,
              priority: 2,
            },
            {
              name: 'common',
              test: /web[\\/]src[\\/](components[\\/]ProblemAlert\.vue|format\.ts|problem-state\.ts|departments\.ts)|plugin-vue:export-helper/,
              minShareCount: 2,
              priority: 1,
            },
          ],
        },
      },
    },
  },
  server: { proxy: { '/v1': hub, '/auth': hub } },
})
