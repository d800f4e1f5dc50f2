import { contextBridge, ipcRenderer } from 'electron'
import { channels, type WorkstationApi } from '../shared/api'

/** The whole of what the renderer may ask of the desktop host. Nothing else crosses. */
export const workstationApi = {
  saveDocument: (request) => ipcRenderer.invoke(channels.saveDocument, request),
  appInfo: () => ipcRenderer.invoke(channels.appInfo),
  backupsDir: () => ipcRenderer.invoke(channels.backupsDir),
  writeBackup: (request) => ipcRenderer.invoke(channels.writeBackup, request),
  openExternal: (request) => ipcRenderer.invoke(channels.openExternal, request),
} satisfies WorkstationApi

contextBridge.exposeInMainWorld('workstation', workstationApi)
