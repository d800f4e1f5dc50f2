import type { AppInfo, SaveDocumentRequest, SaveDocumentResult, WorkstationApi, WriteBackupRequest } from '../../electron/shared/api'

/**
 * The renderer's side of the bridge. In the desktop app `window.workstation` is the preload API;
 * in a browser (web preview, tests) every call falls back to what a browser can do, so each
 * feature works in plain Chromium.
 */
declare global {
  interface Window {
    workstation?: WorkstationApi
  }
}

export function desktopApi(): WorkstationApi | undefined {
  return typeof window !== 'undefined' ? window.workstation : undefined
}

const mimeTypes: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  zip: 'application/zip',
  csv: 'text/csv;charset=utf-8',
  json: 'application/json',
  asbbackup: 'application/octet-stream',
}

/** Browser fallback: a download of the exact bytes, named as suggested. */
function browserDownload(request: SaveDocumentRequest): SaveDocumentResult {
  const ext = request.suggestedName.split('.').pop()?.toLowerCase() ?? ''
  const blob = new Blob([request.bytes as BlobPart], { type: mimeTypes[ext] ?? 'application/octet-stream' })
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = request.suggestedName
  link.rel = 'noopener'
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
  return { saved: true, path: request.suggestedName }
}

export async function saveFile(request: SaveDocumentRequest): Promise<SaveDocumentResult> {
  const api = desktopApi()
  return api ? api.saveDocument(request) : browserDownload(request)
}

export async function appInfo(): Promise<AppInfo> {
  const api = desktopApi()
  if (api) return api.appInfo()
  return { name: 'ASB Workstation', version: __APP_VERSION__, platform: navigator.platform, host: 'browser' }
}

export async function backupsDir(): Promise<string | undefined> {
  return desktopApi()?.backupsDir()
}

/**
 * Saves a backup file. Desktop: straight into the backups folder, pruning to the newest `keep`.
 * Browser: a download the user is prompted to keep (a browser cannot write to a folder by itself).
 */
export async function saveBackupFile(request: WriteBackupRequest): Promise<{ savedTo: string }> {
  const api = desktopApi()
  if (api) return { savedTo: (await api.writeBackup(request)).path }
  browserDownload({ suggestedName: request.fileName, bytes: request.bytes })
  return { savedTo: 'browser download' }
}

/** True in the desktop app, where scheduled backups can be written without asking. */
export function canWriteBackupsUnattended(): boolean {
  return desktopApi() !== undefined
}
