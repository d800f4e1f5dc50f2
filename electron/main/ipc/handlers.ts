import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { BrowserWindow, Dialog, IpcMain } from 'electron'
import { channelPayloads, channels, type AppInfo, type SaveDocumentResult } from '../../shared/api'
import { isAllowedExternalUrl } from '../security'
import { registerHandler, type TrustedSender } from './register'

export interface HandlerDeps {
  ipcMain: Pick<IpcMain, 'handle'>
  dialog: Pick<Dialog, 'showSaveDialog'>
  window: () => BrowserWindow | undefined
  appInfo: () => AppInfo
  backupsDir: () => string
  openExternal: (url: string) => Promise<void>
}

/** The typed handler map: one entry per member of WorkstationApi (Actual Budget's pattern). */
export function registerIpcHandlers(deps: HandlerDeps): void {
  const trustedSender: TrustedSender = () => deps.window()?.webContents

  registerHandler(deps.ipcMain, trustedSender, channels.saveDocument, channelPayloads[channels.saveDocument], async (request): Promise<SaveDocumentResult> => {
    const win = deps.window()
    const options = {
      title: 'Save document',
      defaultPath: request.suggestedName,
      filters: [{ name: 'Word document', extensions: [request.suggestedName.split('.').pop() ?? 'docx'] }],
    }
    const choice = win ? await deps.dialog.showSaveDialog(win, options) : await deps.dialog.showSaveDialog(options)
    if (choice.canceled || !choice.filePath) return { saved: false, reason: 'cancelled' }
    await writeFile(choice.filePath, request.bytes)
    return { saved: true, path: choice.filePath }
  })

  registerHandler(deps.ipcMain, trustedSender, channels.appInfo, channelPayloads[channels.appInfo], () => deps.appInfo())

  registerHandler(deps.ipcMain, trustedSender, channels.backupsDir, channelPayloads[channels.backupsDir], () => deps.backupsDir())

  registerHandler(deps.ipcMain, trustedSender, channels.openExternal, channelPayloads[channels.openExternal], async (request) => {
    if (!isAllowedExternalUrl(request.url)) return { opened: false, reason: 'That address is not on the list of sites the app may open.' }
    await deps.openExternal(request.url)
    return { opened: true }
  })
}

export function backupsFolder(userData: string): string {
  return join(userData, 'backups')
}
