import { WorkstationDatabase } from '@/data/db'
import { assignRole, createUser } from '@/data/repositories/users'
import type { Role } from '@/domain/users'

export const TEST_PASSPHRASE = 'correct horse battery'

let counter = 0

/** A fresh, empty database for one test (fake-indexeddb), so tests never share state. */
export async function freshDatabase(): Promise<WorkstationDatabase> {
  const database = new WorkstationDatabase(`test-${Date.now()}-${counter++}`)
  await database.open()
  return database
}

/**
 * A profile with the given role. Only an administrator gives roles (issue 10): the first profile
 * chooses its own; a later one is created as an officer and the administrator assigns the role.
 */
export async function userIn(database: WorkstationDatabase, name = 'Jo Smith', role: Role = 'officer') {
  const admin = await database.users.filter((u) => u.administrator).first()
  if (!admin || role === 'officer') return createUser({ name, role, passphrase: TEST_PASSPHRASE }, database)
  const created = await createUser({ name, role: 'officer', passphrase: TEST_PASSPHRASE }, database)
  return assignRole(admin.id, { userId: created.id, role }, database)
}
