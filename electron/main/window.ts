import type { BrowserWindow as BrowserWindowType, BrowserWindowConstructorOptions } from 'electron'
import { applyContentSecurityPolicy, denyAllPermissions, lockDownNavigation, secureWebPreferences } from './security'

export interface WindowDeps {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindowType
  preloadPath: string
  openExternal: (url: string) => Promise<void>
}

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1360,
    height: 880,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title: 'ASB Workstation',
    autoHideMenuBar: true,
    webPreferences: { ...secureWebPreferences, preload: preloadPath },
  }
}

export function createMainWindow(deps: WindowDeps): BrowserWindowType {
  const win = new deps.BrowserWindow(mainWindowOptions(deps.preloadPath))
  applyContentSecurityPolicy(win.webContents.session)
  denyAllPermissions(win.webContents.session)
  lockDownNavigation(win.webContents, deps.openExternal)
  win.once('ready-to-show', () => win.show())
  return win
}
