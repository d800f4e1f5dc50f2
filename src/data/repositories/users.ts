import { initialsOf, publicProfile, userInputSchema, type User, type UserInput, type UserProfile } from '@/domain/users'
import { hashPassphrase, passphraseMatches } from '@/domain/passphrase'
import { canAdministerProfiles, roleChangeSchema, SELF_SERVICE_ROLE, type RoleChange } from '@/domain/profileAdmin'
import { roleLabels } from '@/domain/users'
import { parseOrRefuse, PolicyRefusal, ValidationError } from '@/domain/validation'
import { db, type WorkstationDatabase } from '../db'
import { auditedWrite, newId, nowIso } from '../write'

/** Profile ids are UUID strings; anything else (wrong type, huge) is no profile at all. */
function isProfileId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 100
}

export async function listUsers(database: WorkstationDatabase = db): Promise<UserProfile[]> {
  return (await database.users.orderBy('name').toArray()).map(publicProfile)
}

export async function getUser(id: string, database: WorkstationDatabase = db): Promise<UserProfile | undefined> {
  if (!isProfileId(id)) return undefined
  const user = await database.users.get(id)
  return user && publicProfile(user)
}

/**
 * Creates a local profile with its passphrase (kept only as a PBKDF2 hash). Names are unique so a
 * manager can't be confused with a namesake; the first profile on the machine is the administrator
 * and chooses its own role. Every later profile starts as a case officer unless `createdBy` is an
 * administrator: a person cannot give themselves the manager or legal role (four-eyes would be
 * meaningless). An administrator changes roles afterwards with `assignRole`.
 */
export async function createUser(input: UserInput, database: WorkstationDatabase = db, createdBy?: string): Promise<UserProfile> {
  const valid = parseOrRefuse(userInputSchema, input, 'The profile')
  const { passphrase, ...details } = valid
  // Hash before the transaction: an awaited WebCrypto call would let IndexedDB commit early.
  const passphraseHash = await hashPassphrase(passphrase)
  const id = newId()
  return auditedWrite(id, (d) => [d.users], async ({ database: d, audit }) => {
    const clash = await d.users.filter((u) => u.name.toLowerCase() === details.name.toLowerCase()).first()
    if (clash) throw new ValidationError('The profile', [{ field: 'name', message: `a profile called "${clash.name}" already exists` }])
    const first = (await d.users.count()) === 0
    if (!first && details.role !== SELF_SERVICE_ROLE) {
      const creator = createdBy ? await d.users.get(createdBy) : undefined
      if (!canAdministerProfiles(creator)) {
        throw new PolicyRefusal(`Only an administrator can give a profile the ${roleLabels[details.role]} role. New profiles start as case officers; ask your administrator to change the role in Settings.`)
      }
    }
    const user: User = { ...details, id, initials: initialsOf(details.name), administrator: first, passphraseHash, createdAt: nowIso() }
    await d.users.add(user)
    await audit({ entity: 'user', entityId: user.id, action: 'created', after: { ...publicProfile(user), ...(createdBy ? { createdBy } : {}) } })
    return publicProfile(user)
  }, database)
}

/** True when the passphrase is this user's. Does not audit (callers audit the act it unlocks). */
export async function checkPassphrase(userId: string, passphrase: string, database: WorkstationDatabase = db): Promise<boolean> {
  if (!isProfileId(userId)) return false
  const user = await database.users.get(userId)
  if (!user || typeof passphrase !== 'string' || passphrase.length === 0 || passphrase.length > 256) return false
  return passphraseMatches(passphrase, user.passphraseHash)
}

/**
 * Four-eyes needs to know who is really approving: the approver types their own passphrase at the
 * moment of approval. Refuses with a clear reason otherwise. Call before the approval transaction.
 */
export async function confirmIdentity(userId: string, passphrase: string, database: WorkstationDatabase = db): Promise<UserProfile> {
  const user = isProfileId(userId) ? await database.users.get(userId) : undefined
  if (!user) throw new PolicyRefusal('The approving profile does not exist.')
  if (typeof passphrase !== 'string' || passphrase.length > 256 || !(await passphraseMatches(passphrase, user.passphraseHash))) throw new PolicyRefusal(`The passphrase is not ${user.name}'s, so the approval was not recorded.`)
  return publicProfile(user)
}

/**
 * Gives a profile a role. Only an administrator may (checked here, not only by hiding the screen);
 * the change is audited with the role before and after, so a manager's authority can be traced.
 */
export async function assignRole(by: string, change: RoleChange, database: WorkstationDatabase = db): Promise<UserProfile> {
  const valid = parseOrRefuse(roleChangeSchema, change, 'The role change')
  return auditedWrite(by, (d) => [d.users], async ({ database: d, audit }) => {
    const admin = await d.users.get(by)
    if (!canAdministerProfiles(admin)) {
      throw new PolicyRefusal(`Only an administrator can change roles${admin ? `; ${admin.name} is not one` : ''}.`)
    }
    const target = await d.users.get(valid.userId)
    if (!target) throw new ValidationError('The role change', [{ field: 'userId', message: 'no such profile' }])
    if (target.role === valid.role) return publicProfile(target)
    await d.users.update(target.id, { role: valid.role })
    await audit({ entity: 'user', entityId: target.id, action: 'role changed', before: { role: target.role }, after: { role: valid.role } })
    return publicProfile({ ...target, role: valid.role })
  }, database)
}

/**
 * Records an unlock attempt on the lock screen. Failures are audited so repeated guessing at an
 * unattended laptop shows in the trail; the lock store rate-limits them.
 */
export async function recordUnlockAttempt(userId: string, succeeded: boolean, failedSoFar: number, database: WorkstationDatabase = db): Promise<void> {
  if (typeof userId !== 'string' || !userId || userId.length > 100) throw new ValidationError('The unlock attempt', [{ field: 'userId', message: 'is required' }])
  if (!Number.isInteger(failedSoFar) || failedSoFar < 0) throw new ValidationError('The unlock attempt', [{ field: 'failedSoFar', message: 'must be a whole number' }])
  await auditedWrite(userId, (d) => [d.users], async ({ database: d, audit }) => {
    if (!(await d.users.get(userId))) throw new ValidationError('The unlock attempt', [{ field: 'userId', message: 'no such profile' }])
    await audit({ entity: 'session', entityId: userId, action: succeeded ? 'unlocked' : 'unlock refused (wrong passphrase)', after: { failedAttempts: failedSoFar } })
  }, database)
}
