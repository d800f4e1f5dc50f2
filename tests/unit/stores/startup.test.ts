import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'

const backupBeforeUpgrade = vi.fn<() => Promise<string | undefined>>()
const schemaUpgradePending = vi.fn<() => Promise<boolean>>()
vi.mock('@/stores/backup', () => ({ useBackupStore: () => ({ backupBeforeUpgrade }) }))
vi.mock('@/data/backup/upgradeCheck', () => ({ schemaUpgradePending: () => schemaUpgradePending() }))

const { useStartupStore } = await import('@/stores/startup')

describe('start-up backup before a database upgrade', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    backupBeforeUpgrade.mockReset()
    schemaUpgradePending.mockReset()
  })

  it('does nothing when no upgrade is pending: no backup, no notice', async () => {
    schemaUpgradePending.mockResolvedValue(false)
    const startup = useStartupStore()
    await startup.backupBeforeUpgrade()
    expect(backupBeforeUpgrade).not.toHaveBeenCalled()
    expect(startup.notice).toBeUndefined()
  })

  it('makes the backup when an upgrade is pending and says so', async () => {
    schemaUpgradePending.mockResolvedValue(true)
    backupBeforeUpgrade.mockResolvedValue(undefined)
    const startup = useStartupStore()
    await startup.backupBeforeUpgrade()
    expect(backupBeforeUpgrade).toHaveBeenCalledOnce()
    expect(startup.notice).toEqual({ type: 'info', text: expect.stringContaining('A backup of your data as it was before the update was saved first') })
  })

  it('warns, without stopping the start, when no backup passphrase was set', async () => {
    schemaUpgradePending.mockResolvedValue(true)
    backupBeforeUpgrade.mockResolvedValue('No backup passphrase is set, so no backup could be made before the upgrade.')
    const startup = useStartupStore()
    await expect(startup.backupBeforeUpgrade()).resolves.toBeUndefined()
    expect(startup.notice?.type).toBe('warning')
    expect(startup.notice?.text).toContain('No backup passphrase is set')
  })

  it('a failing backup never rejects: the app starts and the notice names the failure', async () => {
    schemaUpgradePending.mockResolvedValue(true)
    backupBeforeUpgrade.mockRejectedValue(new Error('The backups folder is not writable'))
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const startup = useStartupStore()
    await expect(startup.backupBeforeUpgrade()).resolves.toBeUndefined()
    expect(startup.notice).toEqual({ type: 'warning', text: expect.stringContaining('No backup could be made before this version updated how your data is stored (The backups folder is not writable)') })
    quiet.mockRestore()
    startup.dismissNotice()
    expect(startup.notice).toBeUndefined()
  })
})
