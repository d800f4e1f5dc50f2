import { initialsOf, userInputSchema, type User, type UserInput } from '@/domain/users'
import { parseOrRefuse, ValidationError } from '@/domain/validation'
import { db, type WorkstationDatabase } from '../db'
import { auditedWrite, newId, nowIso } from '../write'

export async function listUsers(database: WorkstationDatabase = db): Promise<User[]> {
  return database.users.orderBy('name').toArray()
}

export async function getUser(id: string, database: WorkstationDatabase = db): Promise<User | undefined> {
  return database.users.get(id)
}

/** Creates a local profile. Names are unique so a manager can't be confused with a namesake. */
export async function createUser(input: UserInput, database: WorkstationDatabase = db): Promise<User> {
  const valid = parseOrRefuse(userInputSchema, input, 'The profile')
  const user: User = { ...valid, id: newId(), initials: initialsOf(valid.name), createdAt: nowIso() }
  return auditedWrite(user.id, (d) => [d.users], async ({ database: d, audit }) => {
    const clash = await d.users.filter((u) => u.name.toLowerCase() === user.name.toLowerCase()).first()
    if (clash) throw new ValidationError('The profile', [{ field: 'name', message: `a profile called "${clash.name}" already exists` }])
    await d.users.add(user)
    await audit({ entity: 'user', entityId: user.id, action: 'created', after: user })
    return user
  }, database)
}
