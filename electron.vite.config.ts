import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'
import vuetify from 'vite-plugin-vuetify'

export default defineConfig({
  main: {
    build: { rollupOptions: { input: { index: fileURLToPath(new URL('./electron/main/index.ts', import.meta.url)) } } },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: fileURLToPath(new URL('./electron/preload/index.ts', import.meta.url)) },
        output: { format: 'es', entryFileNames: '[name].mjs' },
      },
    },
  },
  renderer: {
    root: fileURLToPath(new URL('./src', import.meta.url)),
    plugins: [vue(), vuetify({ autoImport: true })],
    resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
    server: { fs: { allow: ['..'] } },
    define: { __APP_VERSION__: JSON.stringify(process.env.npm_package_version ?? '0.1.0') },
    build: {
      rollupOptions: { input: { index: fileURLToPath(new URL('./src/index.html', import.meta.url)) } },
      chunkSizeWarningLimit: 4000,
    },
  },
})
