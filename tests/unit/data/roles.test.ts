import { describe, expect, it } from 'vitest'
import { assignRole, checkPassphrase, confirmIdentity, createUser, recordUnlockAttempt } from '@/data/repositories/users'
import { PolicyRefusal, ValidationError } from '@/domain/validation'
import { unlockDelaySeconds } from '@/domain/lock'
import { decideFormalAction } from '@/data/repositories/formalActions'
import { recordMaliciousReview } from '@/data/repositories/closure'
import { freshDatabase, TEST_PASSPHRASE, userIn } from '../helpers/db'
import { insertCaseFixture } from '../helpers/caseFixture'

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

describe('an officer cannot approve formal action or review a malicious-report closure, even calling the repository', () => {
  async function caseWithPendingAction() {
    const database = await freshDatabase()
    const officer = await userIn(database, 'Olly Officer') // first profile: also this computer's administrator
    const author = await userIn(database, 'Ann Author')
    const manager = await userIn(database, 'Mo Manager', 'manager')
    const fixture = await insertCaseFixture(database, author.id)
    await database.formalActions.add({
      id: 'fa-1', caseId: fixture.case.id, kind: 'NOSP', status: 'awaiting approval', againstPersonIds: [fixture.perpetrator.id], authorId: author.id,
      createdAt: '2026-10-01T09:00:00.000Z', updatedAt: '2026-10-01T09:00:00.000Z', approvals: [],
    })
    await database.notes.add({ id: 'inv-1', caseId: fixture.case.id, kind: 'malicious investigation', text: 'Investigated: reports were fabricated.', by: author.id, at: '2026-10-02T09:00:00.000Z' })
    return { database, officer, author, manager, fixture }
  }

  it('decideFormalAction refuses an officer (and an administrator who is not a manager) and writes nothing', async () => {
    const { database, officer, manager } = await caseWithPendingAction()
    const before = { action: await database.formalActions.get('fa-1'), audit: await database.audit.count() }
    const decision = { decision: 'approved' as const, reasons: 'Proportionate after three warnings.', passphrase: TEST_PASSPHRASE }
    await expect(decideFormalAction('fa-1', decision, officer.id, database)).rejects.toThrow(/needs the manager role; Olly Officer is an officer/)
    // Naming the manager but not knowing their passphrase does not work either.
    await expect(decideFormalAction('fa-1', { ...decision, passphrase: 'guessed passphrase' }, manager.id, database)).rejects.toThrow(/passphrase is not Mo Manager's/)
    expect(await database.formalActions.get('fa-1')).toEqual(before.action)
    expect(await database.audit.count()).toBe(before.audit)
  })

  it('recordMaliciousReview refuses an officer and writes nothing', async () => {
    const { database, officer, manager, fixture } = await caseWithPendingAction()
    const notesBefore = await database.notes.count()
    const review = { caseId: fixture.case.id, decision: 'agreed' as const, text: 'I agree the reports were malicious.' }
    await expect(recordMaliciousReview({ ...review, reviewerId: officer.id, passphrase: TEST_PASSPHRASE }, database)).rejects.toThrow(/needs the manager role; Olly Officer is an officer/)
    await expect(recordMaliciousReview({ ...review, reviewerId: manager.id, passphrase: 'guessed passphrase' }, database)).rejects.toThrow(/passphrase is not Mo Manager's/)
    expect(await database.notes.count()).toBe(notesBefore)
    expect((await database.cases.get(fixture.case.id))?.status).toBe('open')
  })
})
