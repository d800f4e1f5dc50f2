import { defineStore } from 'pinia'
import { ref } from 'vue'
import { schemaUpgradePending } from '@/data/backup/upgradeCheck'
import { useBackupStore } from './backup'

export interface StartupNotice {
  type: 'info' | 'warning'
  text: string
}

/**
 * What happens before the app first reads its database. Opening the database runs any pending
 * schema upgrade, so the backup of the data as it stands has to be made first; see main.ts.
 */
export const useStartupStore = defineStore('startup', () => {
  const notice = ref<StartupNotice | undefined>()

  /**
   * Backs the database up if an upgrade is pending. Never rejects: if no backup can be made the
   * app still starts (refusing to start would lock officers out of their cases) and the notice
   * says so plainly, so someone can make a backup by hand from Settings → Backups.
   */
  async function backupBeforeUpgrade(): Promise<void> {
    try {
      if (!(await schemaUpgradePending())) return
      const skipped = await useBackupStore().backupBeforeUpgrade()
      notice.value = skipped
        ? { type: 'warning', text: `This version of ASB Workstation updates how your data is stored. ${skipped} Set a backup passphrase in Settings → Backups and make a backup now.` }
        : { type: 'info', text: 'This version of ASB Workstation updates how your data is stored. A backup of your data as it was before the update was saved first.' }
    } catch (error) {
      console.error('Backup before the database upgrade failed', error)
      notice.value = {
        type: 'warning',
        text: `No backup could be made before this version updated how your data is stored (${(error as Error)?.message || 'unknown error'}). Your data is still here; make a backup now from Settings → Backups.`,
      }
    }
  }

  function dismissNotice(): void {
    notice.value = undefined
  }

  return { notice, backupBeforeUpgrade, dismissNotice }
})
