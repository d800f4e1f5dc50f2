import { defineConfig } from '@playwright/test'

// Debian's Chromium, never a downloaded browser (no network here but the package registries).
// E2E_PORT / WEB_OUT_DIR let several runs share this checkout without serving each other's builds.
const port = Number(process.env.E2E_PORT ?? 4173)
const outDir = process.env.WEB_OUT_DIR ?? 'dist-web'

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ],
    },
    trace: 'off',
  },
  webServer: {
    command: `npx vite preview --config vite.web.config.ts --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: { WEB_OUT_DIR: outDir },
  },
})
