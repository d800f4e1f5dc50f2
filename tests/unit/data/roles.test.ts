import { describe, expect, it } from 'vitest'
import { assignRole, checkPassphrase, confirmIdentity, createUser, recordUnlockAttempt } from '@/data/repositories/users'
import { PolicyRefusal, ValidationError } from '@/domain/validation'
import { unlockDelaySeconds } from '@/domain/lock'
import { freshDatabase, TEST_PASSPHRASE } from '../helpers/db'

async function twoProfiles() {
  const database = await freshDatabase()
  const admin = await createUser({ name: 'Ada Admin', role: 'officer', passphrase: TEST_PASSPHRASE }, database)
  const officer = await createUser({ name: 'Olly Officer', role: 'officer', passphrase: 'another passphrase' }, database)
  return { database, admin, officer }
}

describe('profiles and roles', () => {
  it('the first profile is the administrator; later profiles cannot give themselves a role', async () => {
    const { database, admin } = await twoProfiles()
    expect(admin.administrator).toBe(true)
    const attempt = createUser({ name: 'Max Self-Promoted', role: 'manager', passphrase: TEST_PASSPHRASE }, database)
    await expect(attempt).rejects.toBeInstanceOf(PolicyRefusal)
    await expect(createUser({ name: 'Max Self-Promoted', role: 'legal', passphrase: TEST_PASSPHRASE }, database)).rejects.toThrow(/Only an administrator can give a profile the Legal team role/)
    expect((await database.users.toArray()).map((u) => u.name).sort()).toEqual(['Ada Admin', 'Olly Officer'])
    // An administrator creating the profile may give the role at once.
    const manager = await createUser({ name: 'Mo Manager', role: 'manager', passphrase: TEST_PASSPHRASE }, database, admin.id)
    expect(manager).toMatchObject({ role: 'manager', administrator: false })
  })

  it('only an administrator changes roles, checked in the data layer and audited before/after', async () => {
    const { database, admin, officer } = await twoProfiles()
    const auditBefore = await database.audit.count()
    await expect(assignRole(officer.id, { userId: officer.id, role: 'manager' }, database)).rejects.toThrow(/Only an administrator can change roles; Olly Officer is not one/)
    expect((await database.users.get(officer.id))?.role).toBe('officer')
    expect(await database.audit.count()).toBe(auditBefore)

    const promoted = await assignRole(admin.id, { userId: officer.id, role: 'manager' }, database)
    expect(promoted.role).toBe('manager')
    expect(promoted).not.toHaveProperty('passphraseHash')
    expect(await database.audit.orderBy('seq').last()).toMatchObject({ userId: admin.id, entity: 'user', entityId: officer.id, action: 'role changed', before: { role: 'officer' }, after: { role: 'manager' } })

    // A promoted manager is still not an administrator.
    await expect(assignRole(officer.id, { userId: officer.id, role: 'administrator' }, database)).rejects.toBeInstanceOf(PolicyRefusal)
    // Someone given the administrator role may then administer.
    await assignRole(admin.id, { userId: officer.id, role: 'administrator' }, database)
    await expect(assignRole(officer.id, { userId: admin.id, role: 'legal' }, database)).resolves.toMatchObject({ role: 'legal' })
  })

  it('refuses a bad role change naming the field', async () => {
    const { database, admin } = await twoProfiles()
    const error = await assignRole(admin.id, { userId: admin.id, role: 'boss' as never }, database).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ValidationError)
    expect((error as ValidationError).problems).toEqual([{ field: 'role', message: 'must be officer, manager, legal or administrator' }])
    await expect(assignRole(admin.id, { userId: 'nobody', role: 'manager' }, database)).rejects.toThrow(/userId — no such profile/)
  })

  it('a wrong passphrase is refused for sign-in and for four-eyes confirmation', async () => {
    const { database, officer } = await twoProfiles()
    expect(await checkPassphrase(officer.id, TEST_PASSPHRASE, database)).toBe(false)
    expect(await checkPassphrase(officer.id, 'another passphrase', database)).toBe(true)
    await expect(confirmIdentity(officer.id, TEST_PASSPHRASE, database)).rejects.toThrow(/The passphrase is not Olly Officer's/)
    await expect(confirmIdentity(officer.id, 'another passphrase', database)).resolves.toMatchObject({ name: 'Olly Officer' })
  })

  it('failed unlocks are audited and slowed down after three', async () => {
    const { database, officer } = await twoProfiles()
    await recordUnlockAttempt(officer.id, false, 1, database)
    await recordUnlockAttempt(officer.id, true, 1, database)
    const entries = (await database.audit.orderBy('seq').toArray()).slice(-2)
    expect(entries.map((e) => e.action)).toEqual(['unlock refused (wrong passphrase)', 'unlocked'])
    expect(entries[0]).toMatchObject({ userId: officer.id, entity: 'session', after: { failedAttempts: 1 } })
    await expect(recordUnlockAttempt('', false, 1, database)).rejects.toThrow(/userId — is required/)
    expect([1, 2, 3, 4, 5, 6, 20].map(unlockDelaySeconds)).toEqual([0, 0, 5, 10, 20, 40, 300])
  })
})
