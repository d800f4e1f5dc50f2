import { z } from 'zod'

/**
 * The one contract across the bridge. Declared once; preload (`satisfies WorkstationApi`),
 * the main-process handlers and the renderer's platform layer are all checked against it.
 * Every payload has a zod schema here, so main validates exactly what the renderer may send.
 */

/** Characters Windows, macOS and Linux all refuse, or that would let a name climb out of a folder. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be refused
const UNSAFE_FILE_NAME = /[\\/:*?"<>|\u0000-\u001f]|^\.+$/

export const saveDocumentRequest = z.object({
  suggestedName: z
    .string()
    .trim()
    .min(1, 'suggestedName must not be empty')
    .max(200, 'suggestedName must be 200 characters or fewer')
    .refine((name) => !UNSAFE_FILE_NAME.test(name), 'suggestedName must be a plain file name (no folders or special characters)'),
  bytes: z.instanceof(Uint8Array, { message: 'bytes must be a Uint8Array' }).refine((b) => b.byteLength > 0, 'bytes must not be empty'),
})
export type SaveDocumentRequest = z.infer<typeof saveDocumentRequest>

export type SaveDocumentResult = { saved: true; path: string } | { saved: false; reason: 'cancelled' }

export interface AppInfo {
  name: string
  version: string
  platform: string
  host: 'desktop' | 'browser'
}

/**
 * Automatic backups on the desktop go straight into the app's backups folder (no dialog). The name
 * must be one the app makes (see src/domain/backup.ts backupFileName), so a compromised renderer
 * cannot write anything else anywhere; `keep` prunes the oldest of our backups afterwards.
 */
export const BACKUP_FILE_NAME = /^asb-workstation-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z-[a-z-]{1,40}\.asbbackup$/
export const writeBackupRequest = z.object({
  fileName: z.string().max(120, 'fileName must be 120 characters or fewer').regex(BACKUP_FILE_NAME, 'fileName must be a backup name made by the app'),
  bytes: z.instanceof(Uint8Array, { message: 'bytes must be a Uint8Array' }).refine((b) => b.byteLength > 0, 'bytes must not be empty'),
  keep: z.number({ message: 'keep must be a number' }).int('keep must be a whole number').min(1, 'keep must be at least 1').max(365, 'keep must be 365 or fewer'),
})
export type WriteBackupRequest = z.infer<typeof writeBackupRequest>
export interface WriteBackupResult {
  saved: true
  path: string
  /** Older backups deleted to keep only the newest `keep`. */
  pruned: string[]
}

export const openExternalRequest = z.object({ url: z.string().url('url must be a full web address').max(2048) })
export type OpenExternalRequest = z.infer<typeof openExternalRequest>

export interface WorkstationApi {
  saveDocument(request: SaveDocumentRequest): Promise<SaveDocumentResult>
  appInfo(): Promise<AppInfo>
  backupsDir(): Promise<string>
  writeBackup(request: WriteBackupRequest): Promise<WriteBackupResult>
  openExternal(request: OpenExternalRequest): Promise<{ opened: boolean; reason?: string }>
}

/** IPC channel names, `domain:verb`, shared by preload and main. */
export const channels = {
  saveDocument: 'documents:save',
  appInfo: 'app:info',
  backupsDir: 'backups:dir',
  writeBackup: 'backups:write',
  openExternal: 'shell:openExternal',
} as const satisfies Record<keyof WorkstationApi, string>

/** Payload schema per channel; `null` means the channel takes no argument. */
export const channelPayloads = {
  [channels.saveDocument]: saveDocumentRequest,
  [channels.appInfo]: z.undefined(),
  [channels.backupsDir]: z.undefined(),
  [channels.writeBackup]: writeBackupRequest,
  [channels.openExternal]: openExternalRequest,
} as const

/**
 * External sites officers may be sent to (guidance, council case-review pages). Everything else is
 * refused: a compromised renderer must not be able to open arbitrary programs or URLs.
 */
export const externalLinkAllowList = ['www.gov.uk', 'www.legislation.gov.uk', 'www.citizensadvice.org.uk', 'england.shelter.org.uk', 'www.housing-ombudsman.org.uk']
