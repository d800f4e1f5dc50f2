import { defineStore } from 'pinia'
import { ref } from 'vue'
import { BackupRefusal, scheduledBackupDue, type BackupReason } from '@/domain/backup'
import { backupSettings } from '@/domain/settings/trust'
import { DATABASE_NAME, db } from '@/data/db'
import { applyRestore, backupBeforeMigration, buildBackup, prepareRestore, readBackupState, recordBackupMade, setBackupPassphrase, storedBackupKey, type BackupLogEntry } from '@/data/backup/backup'
import type { BackupKey } from '@/data/backup/codec'
import { canWriteBackupsUnattended, saveBackupFile } from '@/platform'
import { useSessionStore } from './session'
import { useSettingsStore } from './settings'

/** Glue for Settings → Backups and the automatic schedule. */
export const useBackupStore = defineStore('backup', () => {
  const session = useSessionStore()
  const settings = useSettingsStore()
  const hasPassphrase = ref(false)
  const log = ref<BackupLogEntry[]>([])
  const lastScheduledAt = ref<string | undefined>()
  /** Browser only: a scheduled backup is due and the user should be asked to download it. */
  const reminderDue = ref(false)

  async function load(): Promise<void> {
    hasPassphrase.value = (await storedBackupKey()) !== undefined
    const state = await readBackupState()
    log.value = state.log
    lastScheduledAt.value = state.lastScheduledAt
  }

  async function setPassphrase(passphrase: string): Promise<void> {
    await setBackupPassphrase(session.userId, passphrase)
    await load()
  }

  async function makeBackup(reason: BackupReason, key?: BackupKey): Promise<BackupLogEntry> {
    const useKey = key ?? (await storedBackupKey())
    if (!useKey) throw new Error('Set a backup passphrase first: every backup is encrypted with it.')
    const built = await buildBackup(useKey, { reason, by: session.userId, appVersion: __APP_VERSION__ })
    const { keep } = await settings.read(backupSettings)
    const { savedTo } = await saveBackupFile({ fileName: built.fileName, bytes: built.bytes, keep })
    await recordBackupMade(session.userId, built, savedTo)
    await load()
    if (reason === 'scheduled') reminderDue.value = false
    return log.value[0]
  }

  /**
   * Checks the schedule (at sign-in and hourly). Desktop writes the backup to the backups folder
   * without asking; a browser cannot, so the user is prompted to download it.
   */
  async function checkSchedule(now = new Date()): Promise<void> {
    if (!session.signedIn || session.user?.role === 'legal') return
    await load()
    const { schedule } = await settings.read(backupSettings)
    if (!hasPassphrase.value || !scheduledBackupDue(schedule, lastScheduledAt.value, now)) return
    if (canWriteBackupsUnattended()) await makeBackup('scheduled')
    else reminderDue.value = true
  }

  /**
   * Restores a backup file: checked completely first (nothing changes if it is refused), then a
   * safety backup of the current data is saved, then everything is replaced in one transaction.
   */
  async function restore(bytes: Uint8Array, passphrase: string): Promise<{ createdAt: string; cases: number }> {
    const plan = await prepareRestore(bytes, passphrase)
    await makeBackup('before restore', (await storedBackupKey()) ?? plan.key)
    const manifest = await applyRestore(plan, session.userId)
    await session.loadProfiles()
    const stillHere = session.profiles.find((p) => p.id === session.userId)
    if (stillHere) session.user = stillHere
    else session.signOut()
    await load()
    return { createdAt: manifest.createdAt, cases: manifest.counts.cases ?? 0 }
  }

  /**
   * Call once at start-up, before anything reads the database (opening it runs any schema
   * upgrade): saves a backup of the database as it stands when an upgrade is pending.
   * Returns a warning to show when none could be made.
   */
  async function backupBeforeUpgrade(): Promise<string | undefined> {
    const pending = await backupBeforeMigration(DATABASE_NAME, db.verno, __APP_VERSION__)
    if (!pending) return undefined
    if (!pending.built) return pending.skipped
    // Settings are not read here: reading would open (and so upgrade) the database first.
    const { savedTo } = await saveBackupFile({ fileName: pending.built.fileName, bytes: pending.built.bytes, keep: backupSettings.defaults().keep })
    await recordBackupMade(pending.built.manifest.createdBy, pending.built, savedTo)
    return undefined
  }

  function describeError(error: unknown): string {
    return error instanceof BackupRefusal ? `Not restored: ${error.message} Your current data has not been changed.` : (error as Error).message
  }

  return { hasPassphrase, log, lastScheduledAt, reminderDue, load, setPassphrase, makeBackup, checkSchedule, restore, backupBeforeUpgrade, describeError }
})
