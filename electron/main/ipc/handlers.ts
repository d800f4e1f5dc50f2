import { mkdir, readdir, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { BrowserWindow, Dialog, IpcMain } from 'electron'
import { BACKUP_FILE_NAME, channelPayloads, channels, type AppInfo, type SaveDocumentResult, type WriteBackupResult } from '../../shared/api'
import { isAllowedExternalUrl } from '../security'
import { registerHandler, type TrustedSender } from './register'

export interface HandlerDeps {
  ipcMain: Pick<IpcMain, 'handle'>
  dialog: Pick<Dialog, 'showSaveDialog'>
  window: () => BrowserWindow | undefined
  appInfo: () => AppInfo
  backupsDir: () => string
  openExternal: (url: string) => Promise<void>
  /** File operations for the backups folder; real fs by default, fakes in tests. */
  backupFiles?: BackupFiles
}

export interface BackupFiles {
  ensureDir(dir: string): Promise<void>
  write(path: string, bytes: Uint8Array): Promise<void>
  list(dir: string): Promise<string[]>
  remove(path: string): Promise<void>
}

const nodeBackupFiles: BackupFiles = {
  ensureDir: async (dir) => void (await mkdir(dir, { recursive: true })),
  write: (path, bytes) => writeFile(path, bytes, { flag: 'wx' }),
  list: (dir) => readdir(dir),
  remove: (path) => unlink(path),
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

  registerHandler(deps.ipcMain, trustedSender, channels.writeBackup, channelPayloads[channels.writeBackup], async (request): Promise<WriteBackupResult> => {
    const files = deps.backupFiles ?? nodeBackupFiles
    const dir = deps.backupsDir()
    await files.ensureDir(dir)
    const path = join(dir, request.fileName)
    await files.write(path, request.bytes)
    // Keep the newest `keep` of our own backups (names sort by time); never touch other files.
    const ours = (await files.list(dir)).filter((name) => BACKUP_FILE_NAME.test(name)).sort()
    const pruned = ours.slice(0, Math.max(0, ours.length - request.keep))
    for (const name of pruned) await files.remove(join(dir, name))
    return { saved: true, path, pruned }
  })

  registerHandler(deps.ipcMain, trustedSender, channels.openExternal, channelPayloads[channels.openExternal], async (request) => {
    if (!isAllowedExternalUrl(request.url)) return { opened: false, reason: 'That address is not on the list of sites the app may open.' }
    await deps.openExternal(request.url)
    return { opened: true }
  })
}

export function backupsFolder(userData: string): string {
  return join(userData, 'backups')
}
