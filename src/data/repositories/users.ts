import { initialsOf, publicProfile, userInputSchema, type User, type UserInput, type UserProfile } from '@/domain/users'
import { hashPassphrase, passphraseMatches } from '@/domain/passphrase'
import { parseOrRefuse, PolicyRefusal, ValidationError } from '@/domain/validation'
import { db, type WorkstationDatabase } from '../db'
import { auditedWrite, newId, nowIso } from '../write'

export async function listUsers(database: WorkstationDatabase = db): Promise<UserProfile[]> {
  return (await database.users.orderBy('name').toArray()).map(publicProfile)
}

export async function getUser(id: string, database: WorkstationDatabase = db): Promise<UserProfile | undefined> {
  const user = await database.users.get(id)
  return user && publicProfile(user)
}

/**
 * Creates a local profile with its passphrase (kept only as a PBKDF2 hash). Names are unique so a
 * manager can't be confused with a namesake; the first profile on the machine is the administrator.
 */
export async function createUser(input: UserInput, database: WorkstationDatabase = db): Promise<UserProfile> {
  const valid = parseOrRefuse(userInputSchema, input, 'The profile')
  const { passphrase, ...details } = valid
  // Hash before the transaction: an awaited WebCrypto call would let IndexedDB commit early.
  const passphraseHash = await hashPassphrase(passphrase)
  const id = newId()
  return auditedWrite(id, (d) => [d.users], async ({ database: d, audit }) => {
    const clash = await d.users.filter((u) => u.name.toLowerCase() === details.name.toLowerCase()).first()
    if (clash) throw new ValidationError('The profile', [{ field: 'name', message: `a profile called "${clash.name}" already exists` }])
    const user: User = { ...details, id, initials: initialsOf(details.name), administrator: (await d.users.count()) === 0, passphraseHash, createdAt: nowIso() }
    await d.users.add(user)
    await audit({ entity: 'user', entityId: user.id, action: 'created', after: publicProfile(user) })
    return publicProfile(user)
  }, database)
}

/** True when the passphrase is this user's. Does not audit (callers audit the act it unlocks). */
export async function checkPassphrase(userId: string, passphrase: string, database: WorkstationDatabase = db): Promise<boolean> {
  const user = await database.users.get(userId)
  if (!user || typeof passphrase !== 'string' || passphrase.length === 0 || passphrase.length > 256) return false
  return passphraseMatches(passphrase, user.passphraseHash)
}

/**
 * Four-eyes needs to know who is really approving: the approver types their own passphrase at the
 * moment of approval. Refuses with a clear reason otherwise. Call before the approval transaction.
 */
export async function confirmIdentity(userId: string, passphrase: string, database: WorkstationDatabase = db): Promise<UserProfile> {
  const user = await database.users.get(userId)
  if (!user) throw new PolicyRefusal('The approving profile does not exist.')
  if (!(await passphraseMatches(passphrase ?? '', user.passphraseHash))) throw new PolicyRefusal(`The passphrase is not ${user.name}'s, so the approval was not recorded.`)
  return publicProfile(user)
}
