import { existsSync, readFileSync, statSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import { channels, externalLinkAllowList } from '../../../electron/shared/api'
import { registerIpcHandlers, type BackupFiles } from '../../../electron/main/ipc/handlers'
import { contentSecurityPolicy, isAllowedExternalUrl } from '../../../electron/main/security'

type Listener = (...args: unknown[]) => unknown

/** Directives of a CSP string, e.g. { 'script-src': ["'self'"] }. */
function directives(csp: string): Record<string, string[]> {
  return Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((p) => p[0]).map(([name, ...values]) => [name, values]))
}

function metaCsp(html: string): string | undefined {
  return /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html)?.[1]
}

function expectNoInlineScript(csp: string, where: string): void {
  const d = directives(csp)
  const scriptSrc = d['script-src'] ?? d['default-src']
  expect(scriptSrc, `${where}: script-src`).toBeDefined()
  expect(scriptSrc, where).not.toContain("'unsafe-inline'")
  expect(scriptSrc, where).not.toContain("'unsafe-eval'")
  expect(scriptSrc.some((s) => s === '*' || s.startsWith('http') || s === 'data:' || s === 'blob:'), `${where}: scripts only from the app`).toBe(false)
  expect(d['object-src'], where).toEqual(["'none'"])
  expect(d['base-uri'], where).toEqual(["'none'"])
}

function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter(([, attrs, body]) => !/\bsrc=/.test(attrs) || body.trim() !== '').map(([tag]) => tag)
}

describe('Content-Security-Policy', () => {
  it('the source index.html forbids inline script and has none', () => {
    const html = readFileSync('src/index.html', 'utf8')
    const csp = metaCsp(html)
    expect(csp).toBeDefined()
    expectNoInlineScript(csp!, 'src/index.html')
    expect(inlineScripts(html)).toEqual([])
    expect(html).not.toMatch(/\son[a-z]+\s*=/i) // no inline event handlers either
  })

  it('the header the desktop window sends forbids inline script', () => {
    expectNoInlineScript(contentSecurityPolicy, 'window header')
  })

  // The built page is checked where a build exists (CI builds before e2e; tests/e2e/trust.spec.ts
  // also checks the served page in Chromium and that an injected inline script does not run).
  const built = ['dist-web', ...(process.env.WEB_OUT_DIR ? [process.env.WEB_OUT_DIR] : [])]
    .map((dir) => `${dir}/index.html`)
    .filter((file) => existsSync(file))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)
  it.skipIf(built.length === 0)('the built index.html keeps the policy and adds no inline script', () => {
    const html = readFileSync(built[0], 'utf8')
    const csp = metaCsp(html)
    expect(csp).toBeDefined()
    expectNoInlineScript(csp!, built[0])
    expect(inlineScripts(html)).toEqual([])
  })
})

describe('external links', () => {
  it('only https addresses on the allow-list open, whatever the disguise', () => {
    for (const host of externalLinkAllowList) expect(isAllowedExternalUrl(`https://${host}/guidance`)).toBe(true)
    const disguised = [
      'https://www.gov.uk@evil.example/', 'https://evil.example/?https://www.gov.uk/', 'https://www.gov.uk.evil.example/', 'https://wwwXgov.uk/',
      'file:///etc/passwd', 'ftp://www.gov.uk/', 'https://WWW.GOV.UK:8443@evil.example', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox',
      '//www.gov.uk/', 'https://xn--www-gov-uk.example/', 'javascript://www.gov.uk/%0Aalert(1)',
    ]
    for (const url of disguised) expect(isAllowedExternalUrl(url), url).toBe(false)
  })

  it('random strings never pass the allow-list unless they are an https URL on a listed host', () => {
    fc.assert(
      fc.property(fc.oneof(fc.webUrl(), fc.string()), (url) => {
        if (!isAllowedExternalUrl(url)) return true
        const parsed = new URL(url)
        return parsed.protocol === 'https:' && externalLinkAllowList.includes(parsed.hostname)
      }),
      { numRuns: 150 },
    )
  })
})

function handlerSetup() {
  const mainFrame = { name: 'main' }
  const webContents = { mainFrame }
  const handlers: Record<string, Listener> = {}
  const written: string[] = []
  let folder = ['asb-workstation-2026-11-01T02-00-00Z-scheduled.asbbackup', 'asb-workstation-2026-11-02T02-00-00Z-scheduled.asbbackup', 'holiday.jpg']
  const files: BackupFiles = {
    ensureDir: vi.fn(async () => {}),
    write: vi.fn(async (path: string) => {
      written.push(path)
      folder.push(path.split('/').pop()!)
    }),
    list: vi.fn(async () => [...folder]),
    remove: vi.fn(async (path: string) => {
      folder = folder.filter((f) => f !== path.split('/').pop())
    }),
  }
  const showSaveDialog = vi.fn(async () => ({ canceled: true, filePath: undefined }))
  const openExternal = vi.fn(async () => {})
  registerIpcHandlers({
    ipcMain: { handle: (channel: string, listener: Listener) => void (handlers[channel] = listener) } as never,
    dialog: { showSaveDialog } as never,
    window: () => ({ webContents }) as never,
    appInfo: () => ({ name: 'ASB Workstation', version: '1', platform: 'linux', host: 'desktop' }),
    backupsDir: () => '/home/officer/.config/asb/backups',
    openExternal,
    backupFiles: files,
  })
  const own = { sender: webContents, senderFrame: mainFrame }
  return { handlers, own, files, written, folder: () => folder, showSaveDialog, openExternal }
}

describe('backups:write', () => {
  it('writes into the backups folder and keeps only the newest backups, never other files', async () => {
    const { handlers, own, written, folder } = handlerSetup()
    const result = await handlers[channels.writeBackup](own, { fileName: 'asb-workstation-2026-11-25T02-00-00Z-scheduled.asbbackup', bytes: new Uint8Array([1, 2]), keep: 2 })
    expect(written).toEqual(['/home/officer/.config/asb/backups/asb-workstation-2026-11-25T02-00-00Z-scheduled.asbbackup'])
    expect(result).toMatchObject({ saved: true, pruned: ['asb-workstation-2026-11-01T02-00-00Z-scheduled.asbbackup'] })
    expect(folder().sort()).toEqual(['asb-workstation-2026-11-02T02-00-00Z-scheduled.asbbackup', 'asb-workstation-2026-11-25T02-00-00Z-scheduled.asbbackup', 'holiday.jpg'])
  })

  it('refuses any name the app would not make, so nothing can be written elsewhere', async () => {
    const { handlers, own, files } = handlerSetup()
    for (const fileName of ['../../.bashrc', '/etc/cron.d/x', 'asb-workstation-2026-11-25T02-00-00Z-scheduled.asbbackup/../../x', 'evil.exe', 'asb-workstation-2026-11-25T02-00-00Z-scheduled.asbbackup\u0000.exe']) {
      await expect(handlers[channels.writeBackup](own, { fileName, bytes: new Uint8Array([1]), keep: 14 })).rejects.toThrow(/fileName must be a backup name made by the app/)
    }
    await expect(handlers[channels.writeBackup](own, { fileName: 'asb-workstation-2026-11-25T02-00-00Z-manual.asbbackup', bytes: new Uint8Array([1]), keep: 0 })).rejects.toThrow(/keep must be at least 1/)
    expect(files.write).not.toHaveBeenCalled()
    expect(files.remove).not.toHaveBeenCalled()
  })
})

describe('hostile input to every IPC handler', () => {
  const hostile = fc.oneof(
    fc.constantFrom<unknown>(undefined, null, '', 'x'.repeat(100_000), '\u0000\u001f', '<script>alert(1)</script>', 0, -1, Number.NaN, true, [], {}, new Uint8Array(0)),
    fc.string({ maxLength: 200 }),
    fc.dictionary(fc.constantFrom('suggestedName', 'bytes', 'url', 'fileName', 'keep', 'extra'), fc.oneof(fc.string({ maxLength: 300 }), fc.integer(), fc.constant(null), fc.constant('../../x'))),
  )

  it('every channel refuses bad payloads with a message naming the problem, with no side effects', async () => {
    const { handlers, own, files, showSaveDialog, openExternal } = handlerSetup()
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...Object.values(channels)), hostile, async (channel, payload) => {
        const outcome = await Promise.resolve()
          .then(() => handlers[channel](own, payload))
          .then((value) => ({ value }), (error: unknown) => ({ error }))
        if ('error' in outcome) {
          expect(outcome.error).toBeInstanceOf(Error)
          expect((outcome.error as Error).message).toMatch(new RegExp(`^${channel}: (invalid request|refused)`))
        } else {
          // Only payloads that are valid get through: no-argument channels and well-formed URLs.
          expect([channels.appInfo, channels.backupsDir, channels.openExternal]).toContain(channel)
        }
      }),
      { numRuns: 400, seed: 20261125 },
    )
    expect(showSaveDialog).not.toHaveBeenCalled()
    expect(files.write).not.toHaveBeenCalled()
    expect(openExternal).not.toHaveBeenCalled()
  })
})
