import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vitest/config'

// The render check: each document kind converted to PDF by LibreOffice (slow, so kept out of the
// unit run; `npm test` runs it as its own step).
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  define: { __APP_VERSION__: JSON.stringify('test') },
  test: {
    include: ['tests/render/**/*.test.ts'],
    setupFiles: ['tests/unit/setup.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
})
