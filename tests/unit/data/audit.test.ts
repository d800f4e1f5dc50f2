import { describe, expect, it } from 'vitest'
import { verifyAuditChain } from '@/data/audit'
import { auditedWrite } from '@/data/write'
import { saveSettings } from '@/data/repositories/settings'
import { organisationSettings } from '@/domain/settings/organisation'
import { freshDatabase, userIn } from '../helpers/db'

async function databaseWithFiveEntries() {
  const database = await freshDatabase()
  const user = await userIn(database) // entry 1
  for (let homes = 100; homes < 500; homes += 100) {
    // entries 2..5
    await saveSettings(organisationSettings, { ...organisationSettings.defaults(), homesOwned: homes }, user.id, database)
  }
  return { database, user }
}

describe('audit chain', () => {
  it('verifies an untouched chain and counts every entry', async () => {
    const { database } = await databaseWithFiveEntries()
    expect(await verifyAuditChain(database)).toEqual({ ok: true, checked: 5 })
  })

  it('records who, what and before/after for each write', async () => {
    const { database, user } = await databaseWithFiveEntries()
    const entry = await database.audit.get(3)
    expect(entry).toMatchObject({ userId: user.id, entity: 'settings', entityId: 'organisation', action: 'updated' })
    expect((entry?.before as { homesOwned: number }).homesOwned).toBe(100)
    expect((entry?.after as { homesOwned: number }).homesOwned).toBe(200)
  })

  it('detects a changed field at the entry that was changed', async () => {
    const { database } = await databaseWithFiveEntries()
    await database.audit.update(3, { action: 'deleted' })
    const result = await verifyAuditChain(database)
    expect(result).toMatchObject({ ok: false, brokenAtSeq: 3 })
    expect(!result.ok && result.problem).toContain('changed')
  })

  it('detects a changed before/after value', async () => {
    const { database } = await databaseWithFiveEntries()
    const entry = await database.audit.get(4)
    await database.audit.put({ ...entry!, after: { homesOwned: 999999 } })
    expect(await verifyAuditChain(database)).toMatchObject({ ok: false, brokenAtSeq: 4 })
  })

  it('detects a deleted entry at the missing seq', async () => {
    const { database } = await databaseWithFiveEntries()
    await database.audit.delete(2)
    const result = await verifyAuditChain(database)
    expect(result).toMatchObject({ ok: false, brokenAtSeq: 2 })
    expect(!result.ok && result.problem).toContain('missing')
  })

  it('detects a deleted first entry', async () => {
    const { database } = await databaseWithFiveEntries()
    await database.audit.delete(1)
    expect(await verifyAuditChain(database)).toMatchObject({ ok: false, brokenAtSeq: 1 })
  })

  it('detects two entries swapped into each other’s place', async () => {
    const { database } = await databaseWithFiveEntries()
    const second = (await database.audit.get(2))!
    const third = (await database.audit.get(3))!
    await database.audit.bulkPut([{ ...third, seq: 2 }, { ...second, seq: 3 }])
    expect(await verifyAuditChain(database)).toMatchObject({ ok: false, brokenAtSeq: 2 })
  })

  it('a failing write leaves neither the record nor the audit table changed', async () => {
    const { database, user } = await databaseWithFiveEntries()
    const before = { audit: await database.audit.count(), settings: await database.settings.toArray() }
    await expect(
      auditedWrite(user.id, (d) => [d.settings], async ({ database: d, audit }) => {
        await d.settings.put({ key: 'organisation', version: 1, value: { broken: true }, updatedAt: 'x', updatedBy: user.id })
        await audit({ entity: 'settings', entityId: 'organisation', action: 'updated' })
        throw new Error('disk full halfway')
      }, database),
    ).rejects.toThrow('disk full halfway')
    expect(await database.audit.count()).toBe(before.audit)
    expect(await database.settings.toArray()).toEqual(before.settings)
    expect(await verifyAuditChain(database)).toEqual({ ok: true, checked: 5 })
  })
})
