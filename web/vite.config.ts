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
  },
  server: { proxy: { '/v1': hub, '/auth': hub } },
})
