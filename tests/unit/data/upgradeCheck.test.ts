import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import { schemaUpgradePending } from '@/data/backup/upgradeCheck'
import { freshDatabase } from '../helpers/db'

let counter = 0
async function storedAt(version: number): Promise<string> {
  const name = `upgrade-check-${Date.now()}-${counter++}`
  const old = new Dexie(name)
  old.version(version).stores({ cases: 'id' })
  await old.open()
  old.close()
  return name
}

describe('is a schema upgrade pending at start-up?', () => {
  it('no for a database at the version the app declares, yes for an older one', async () => {
    const name = await storedAt(1)
    expect(await schemaUpgradePending(name, 1)).toBe(false)
    expect(await schemaUpgradePending(name, 2)).toBe(true)
  })

  it('no for the app database as the current schema creates it', async () => {
    const database = await freshDatabase()
    database.close()
    expect(await schemaUpgradePending(database.name, database.verno)).toBe(false)
  })

  it('no on a first start, when there is no database to back up', async () => {
    expect(await schemaUpgradePending('never-created', 1)).toBe(false)
  })

  it('no when the stored version is higher than declared (a newer schema patch is not an upgrade)', async () => {
    const name = await storedAt(3)
    expect(await schemaUpgradePending(name, 2)).toBe(false)
  })

  it('leaves the full check to the backup when the browser cannot list its databases', async () => {
    expect(await schemaUpgradePending('anything', 1, {} as never)).toBe(true)
  })
})
