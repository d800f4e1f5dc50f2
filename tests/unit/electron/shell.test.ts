import { describe, expect, it, vi } from 'vitest'

// Electron's binary cannot be downloaded here, so main and preload run against a mock `electron`.
const exposed: Record<string, unknown> = {}
const invoke = vi.fn(async (..._args: unknown[]) => 'ok')
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer: { invoke: (...args: unknown[]) => invoke(...args) },
}))

import { channels } from '../../../electron/shared/api'
import { registerIpcHandlers } from '../../../electron/main/ipc/handlers'
import { contentSecurityPolicy, isAllowedExternalUrl } from '../../../electron/main/security'
import { createMainWindow, mainWindowOptions } from '../../../electron/main/window'

type Listener = (...args: unknown[]) => unknown

function fakeWindow() {
  const listeners: Record<string, Listener> = {}
  const session = {
    webRequest: { onHeadersReceived: vi.fn() },
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
  }
  const mainFrame = { name: 'main' }
  const webContents = {
    session,
    mainFrame,
    setWindowOpenHandler: vi.fn(),
    on: vi.fn((event: string, listener: Listener) => (listeners[event] = listener)),
  }
  let options: unknown
  class BrowserWindow {
    webContents = webContents
    constructor(o: unknown) {
      options = o
    }
    once = vi.fn()
  }
  return { BrowserWindow, webContents, session, listeners, mainFrame, options: () => options }
}

describe('the desktop window', () => {
  it('runs the renderer isolated, sandboxed, without Node and with web security', () => {
    const prefs = mainWindowOptions('/app/preload/index.mjs').webPreferences!
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, webSecurity: true, allowRunningInsecureContent: false, webviewTag: false })
    expect(prefs.preload).toBe('/app/preload/index.mjs')
  })

  it('sends a strict Content-Security-Policy header on every response', () => {
    const w = fakeWindow()
    createMainWindow({ BrowserWindow: w.BrowserWindow as never, preloadPath: 'p', openExternal: vi.fn() })
    const handler = w.session.webRequest.onHeadersReceived.mock.calls[0][0] as (d: unknown, cb: (r: unknown) => void) => void
    const callback = vi.fn()
    handler({ responseHeaders: { 'X-Other': ['1'] } }, callback)
    const headers = callback.mock.calls[0][0].responseHeaders
    expect(headers['X-Other']).toEqual(['1'])
    const csp = headers['Content-Security-Policy'][0] as string
    expect(csp).toBe(contentSecurityPolicy)
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toContain('unsafe-eval')
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/)
    expect(csp).not.toMatch(/https?:/)
  })

  it('denies every window.open and hands only allow-listed https links to the system browser', () => {
    const w = fakeWindow()
    const openExternal = vi.fn(async () => {})
    createMainWindow({ BrowserWindow: w.BrowserWindow as never, preloadPath: 'p', openExternal })
    const handler = w.webContents.setWindowOpenHandler.mock.calls[0][0] as (d: { url: string }) => { action: string }
    expect(handler({ url: 'https://evil.example/phish' })).toEqual({ action: 'deny' })
    expect(handler({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' })
    expect(openExternal).not.toHaveBeenCalled()
    expect(handler({ url: 'https://www.gov.uk/guidance/anti-social-behaviour-case-review' })).toEqual({ action: 'deny' })
    expect(openExternal).toHaveBeenCalledWith('https://www.gov.uk/guidance/anti-social-behaviour-case-review')
  })

  it('blocks navigation and redirects away from the app', () => {
    const w = fakeWindow()
    createMainWindow({ BrowserWindow: w.BrowserWindow as never, preloadPath: 'p', openExternal: vi.fn() })
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const preventDefault = vi.fn()
      w.listeners[event]({ preventDefault }, 'https://evil.example')
      expect(preventDefault, event).toHaveBeenCalled()
    }
  })

  it('denies every permission request and check', () => {
    const w = fakeWindow()
    createMainWindow({ BrowserWindow: w.BrowserWindow as never, preloadPath: 'p', openExternal: vi.fn() })
    const request = w.session.setPermissionRequestHandler.mock.calls[0][0] as (wc: unknown, p: string, cb: (ok: boolean) => void) => void
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      const callback = vi.fn()
      request({}, permission, callback)
      expect(callback).toHaveBeenCalledWith(false)
    }
    const check = w.session.setPermissionCheckHandler.mock.calls[0][0] as () => boolean
    expect(check()).toBe(false)
  })

  it('allows external links only over https to listed hosts', () => {
    expect(isAllowedExternalUrl('https://www.legislation.gov.uk/ukpga/2014/12')).toBe(true)
    expect(isAllowedExternalUrl('http://www.gov.uk/')).toBe(false)
    expect(isAllowedExternalUrl('https://www.gov.uk.evil.example/')).toBe(false)
    expect(isAllowedExternalUrl('https://user:pw@www.gov.uk/')).toBe(false)
    expect(isAllowedExternalUrl('javascript:alert(1)')).toBe(false)
    expect(isAllowedExternalUrl('not a url')).toBe(false)
  })
})

describe('IPC handlers', () => {
  function setup() {
    const w = fakeWindow()
    const handlers: Record<string, Listener> = {}
    const showSaveDialog = vi.fn(async () => ({ canceled: true, filePath: undefined }))
    const win = { webContents: w.webContents }
    registerIpcHandlers({
      ipcMain: { handle: (channel: string, listener: Listener) => void (handlers[channel] = listener) } as never,
      dialog: { showSaveDialog } as never,
      window: () => win as never,
      appInfo: () => ({ name: 'ASB Workstation', version: '1', platform: 'linux', host: 'desktop' }),
      backupsDir: () => '/backups',
      openExternal: vi.fn(async () => {}),
    })
    const ownEvent = { sender: w.webContents, senderFrame: w.mainFrame }
    return { handlers, showSaveDialog, ownEvent, w }
  }

  it('registers a handler for every API member', () => {
    const { handlers } = setup()
    expect(Object.keys(handlers).sort()).toEqual(Object.values(channels).sort())
  })

  it('answers our own window', async () => {
    const { handlers, ownEvent } = setup()
    expect(await handlers[channels.backupsDir](ownEvent)).toBe('/backups')
    expect(await handlers[channels.appInfo](ownEvent)).toMatchObject({ host: 'desktop' })
  })

  it('rejects a call from another webContents and does nothing', async () => {
    const { handlers, showSaveDialog } = setup()
    const stranger = { sender: { mainFrame: {} }, senderFrame: {} }
    await expect(handlers[channels.saveDocument](stranger, { suggestedName: 'a.docx', bytes: new Uint8Array([1]) })).rejects.toThrow(/did not come from the ASB Workstation window/)
    expect(showSaveDialog).not.toHaveBeenCalled()
  })

  it('rejects a call from a sub-frame of our window', async () => {
    const { handlers, ownEvent } = setup()
    await expect(handlers[channels.backupsDir]({ ...ownEvent, senderFrame: { name: 'iframe' } })).rejects.toThrow(/main frame/)
  })

  it('rejects bad payloads with a message naming the field, without opening a dialog', async () => {
    const { handlers, showSaveDialog, ownEvent } = setup()
    const bad: [unknown, RegExp][] = [
      [{ suggestedName: '../../etc/passwd', bytes: new Uint8Array([1]) }, /suggestedName: .*plain file name/],
      [{ suggestedName: '', bytes: new Uint8Array([1]) }, /suggestedName/],
      [{ suggestedName: 'a.docx', bytes: 'not bytes' }, /bytes: bytes must be a Uint8Array/],
      [{ suggestedName: 'a.docx', bytes: new Uint8Array() }, /bytes must not be empty/],
      [{ suggestedName: 'x'.repeat(5000), bytes: new Uint8Array([1]) }, /200 characters/],
      [undefined, /invalid request/],
      [{ suggestedName: 'a\u0000.docx', bytes: new Uint8Array([1]) }, /plain file name/],
    ]
    for (const [payload, message] of bad) {
      await expect(handlers[channels.saveDocument](ownEvent, payload)).rejects.toThrow(message)
    }
    await expect(handlers[channels.appInfo](ownEvent, { extra: true })).rejects.toThrow(/invalid request/)
    expect(showSaveDialog).not.toHaveBeenCalled()
  })

  it('refuses to open a link that is not on the allow-list', async () => {
    const { handlers, ownEvent } = setup()
    expect(await handlers[channels.openExternal](ownEvent, { url: 'https://evil.example/' })).toMatchObject({ opened: false })
  })
})

describe('preload', () => {
  it('exposes exactly the typed API on window.workstation and forwards to the named channels', async () => {
    await import('../../../electron/preload/index')
    const api = exposed.workstation as Record<string, (arg?: unknown) => Promise<unknown>>
    expect(Object.keys(api).sort()).toEqual(Object.keys(channels).sort())
    await api.saveDocument({ suggestedName: 'a.docx', bytes: new Uint8Array([1]) })
    expect(invoke).toHaveBeenCalledWith(channels.saveDocument, { suggestedName: 'a.docx', bytes: new Uint8Array([1]) })
    await api.backupsDir()
    expect(invoke).toHaveBeenLastCalledWith(channels.backupsDir)
  })
})
