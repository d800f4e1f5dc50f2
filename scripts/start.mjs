// `npm start`: builds and opens the desktop app when Electron's binary is present. Where it is not
// (it cannot be downloaded on every machine), says so plainly and points to the browser version.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)

function electronBinary() {
  try {
    const pkgDir = dirname(require.resolve('electron/package.json'))
    const pathFile = join(pkgDir, 'path.txt')
    if (!existsSync(pathFile)) return undefined
    const binary = join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim())
    return existsSync(binary) ? binary : undefined
  } catch {
    return undefined
  }
}

if (!electronBinary()) {
  console.error(
    [
      'ASB Workstation: the Electron desktop runtime is not installed on this machine,',
      'so the desktop window cannot open (its binary could not be downloaded when npm installed).',
      '',
      'Run the same app in your browser instead:',
      '  npm run web      (then open http://127.0.0.1:4173/)',
      '',
      'To get the desktop app, install Electron where downloads are allowed: npx install-electron or',
      'reinstall the "electron" package with network access to its release downloads.',
    ].join('\n'),
  )
  process.exit(1)
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx'
for (const args of [['electron-vite', 'build'], ['electron-vite', 'preview']]) {
  const result = spawnSync(npx, args, { stdio: 'inherit' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}
