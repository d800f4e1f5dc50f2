import { describe, expect, it } from 'vitest'
import { allocateCaseRef } from '@/data/repositories/caseRefs'
import { readSettings, saveSettings } from '@/data/repositories/settings'
import { checkPassphrase, createUser, listUsers } from '@/data/repositories/users'
import { auditedWrite } from '@/data/write'
import { caseRefPattern } from '@/domain/cases'
import { organisationSettings } from '@/domain/settings/organisation'
import { ValidationError } from '@/domain/validation'
import { freshDatabase, TEST_PASSPHRASE, userIn } from '../helpers/db'

describe('profiles', () => {
  it('refuses a blank name and an unknown role, naming both fields, and stores nothing', async () => {
    const database = await freshDatabase()
    const attempt = createUser({ name: ' ', role: 'boss' as never, passphrase: 'short' }, database)
    await expect(attempt).rejects.toBeInstanceOf(ValidationError)
    const error = (await attempt.catch((e) => e)) as ValidationError
    expect(error.problems.map((p) => p.field).sort()).toEqual(['name', 'passphrase', 'role'])
    expect(error.message).toContain('name')
    expect(await database.users.count()).toBe(0)
    expect(await database.audit.count()).toBe(0)
  })

  it('creates a profile with initials and an audit entry', async () => {
    const database = await freshDatabase()
    const user = await createUser({ name: 'Jo Smith', role: 'manager', passphrase: TEST_PASSPHRASE }, database)
    expect(user.initials).toBe('JS')
    expect(user.administrator).toBe(true)
    expect(user).not.toHaveProperty('passphraseHash')
    const stored = await database.users.get(user.id)
    expect(JSON.stringify(stored)).not.toContain(TEST_PASSPHRASE)
    expect(await checkPassphrase(user.id, TEST_PASSPHRASE, database)).toBe(true)
    expect(await checkPassphrase(user.id, 'wrong passphrase', database)).toBe(false)
    const second = await createUser({ name: 'Al Second', role: 'officer', passphrase: TEST_PASSPHRASE }, database)
    expect(second.administrator).toBe(false)
    expect((await listUsers(database)).map((u) => u.name)).toEqual(['Al Second', 'Jo Smith'])
    expect((await database.audit.toArray())[0]).toMatchObject({ seq: 1, entity: 'user', action: 'created', userId: user.id })
  })

  it('refuses a second profile with the same name', async () => {
    const database = await freshDatabase()
    await createUser({ name: 'Jo Smith', role: 'officer', passphrase: TEST_PASSPHRASE }, database)
    await expect(createUser({ name: 'jo smith', role: 'manager', passphrase: TEST_PASSPHRASE }, database)).rejects.toThrow(/already exists/)
    expect(await database.users.count()).toBe(1)
  })
})

describe('settings', () => {
  it('refuses bad organisation details naming the fields and keeps the stored ones', async () => {
    const database = await freshDatabase()
    const user = await userIn(database)
    const good = { ...organisationSettings.defaults(), name: 'Harbour Homes' }
    await saveSettings(organisationSettings, good, user.id, database)
    const bad = { ...good, email: 'not-an-email', homesOwned: -3, address: { ...good.address, postcode: 'NOPE' } }
    const error = (await saveSettings(organisationSettings, bad, user.id, database).catch((e) => e)) as ValidationError
    expect(error).toBeInstanceOf(ValidationError)
    expect(error.problems.map((p) => p.field).sort()).toEqual(['address.postcode', 'email', 'homesOwned'])
    expect((await readSettings(organisationSettings, database)).name).toBe('Harbour Homes')
  })

  it('falls back to defaults when nothing is stored', async () => {
    const database = await freshDatabase()
    expect(await readSettings(organisationSettings, database)).toEqual(organisationSettings.defaults())
  })
})

describe('case references', () => {
  it('stay unique and sequential under concurrent creates', async () => {
    const database = await freshDatabase()
    const user = await userIn(database)
    const refs = await Promise.all(
      Array.from({ length: 40 }, () =>
        auditedWrite(user.id, (d) => [d.counters], async ({ database: d, audit }) => {
          const ref = await allocateCaseRef(d, 2026)
          await audit({ entity: 'case', entityId: ref, action: 'reference allocated' })
          return ref
        }, database),
      ),
    )
    expect(new Set(refs).size).toBe(40)
    expect(refs.every((r) => caseRefPattern.test(r))).toBe(true)
    expect([...refs].sort()).toEqual(Array.from({ length: 40 }, (_, i) => `ASB-2026-${String(i + 1).padStart(5, '0')}`))
  })
})
