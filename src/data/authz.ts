import type { Role, UserProfile } from '@/domain/users'
import { publicProfile } from '@/domain/users'
import { PolicyRefusal } from '@/domain/validation'
import { db, type WorkstationDatabase } from './db'

/**
 * Role checks enforced in the data layer, not only by hiding buttons: a repository function that
 * needs a manager calls this inside its transaction (with the users table in scope).
 */
export async function requireRole(userId: string, allowed: Role[], what: string, database: WorkstationDatabase = db): Promise<UserProfile> {
  const user = await database.users.get(userId)
  if (!user) throw new PolicyRefusal(`${what} needs a signed-in profile; none was given.`)
  if (!allowed.includes(user.role)) {
    throw new PolicyRefusal(`${what} needs the ${allowed.join(' or ')} role; ${user.name} is ${user.role === 'administrator' ? 'an administrator' : `a${user.role === 'officer' ? 'n' : ''} ${user.role}`}.`)
  }
  return publicProfile(user)
}

/** Four-eyes: the person approving must not be the person whose work is approved. */
export function requireDifferentPerson(authorId: string, approverId: string, what: string): void {
  if (authorId === approverId) throw new PolicyRefusal(`${what} must be done by someone other than the author (four-eyes).`)
}
