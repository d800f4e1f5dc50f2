import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { app, BrowserWindow, dialog, ipcMain, shell, type BrowserWindow as Win } from 'electron'
import { backupsFolder, registerIpcHandlers } from './ipc/handlers'
import { isAllowedExternalUrl } from './security'
import { createMainWindow } from './window'

let mainWindow: Win | undefined

const openExternal = async (url: string): Promise<void> => {
  if (isAllowedExternalUrl(url)) await shell.openExternal(url)
}

function start(): void {
  const backups = backupsFolder(app.getPath('userData'))
  mkdirSync(backups, { recursive: true })
  registerIpcHandlers({
    ipcMain,
    dialog,
    window: () => mainWindow,
    appInfo: () => ({ name: app.getName(), version: app.getVersion(), platform: process.platform, host: 'desktop' }),
    backupsDir: () => backups,
    openExternal,
  })
  mainWindow = createMainWindow({
    BrowserWindow,
    preloadPath: fileURLToPath(new URL('../preload/index.mjs', import.meta.url)),
    openExternal,
  })
  mainWindow.on('closed', () => (mainWindow = undefined))
  const devServer = process.env.ELECTRON_RENDERER_URL
  if (devServer) void mainWindow.loadURL(devServer)
  else void mainWindow.loadFile(join(fileURLToPath(new URL('.', import.meta.url)), '../renderer/index.html'))
}

// Any other webContents (there should be none) gets the same navigation lock.
app.on('web-contents-created', (_event, contents) => {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  contents.on('will-navigate', (event) => event.preventDefault())
})

app.enableSandbox()
void app.whenReady().then(start)
app.on('window-all-closed', () => app.quit())
