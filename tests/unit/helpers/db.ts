import { WorkstationDatabase } from '@/data/db'
import { createUser } from '@/data/repositories/users'
import type { Role } from '@/domain/users'

export const TEST_PASSPHRASE = 'correct horse battery'

let counter = 0

/** A fresh, empty database for one test (fake-indexeddb), so tests never share state. */
export async function freshDatabase(): Promise<WorkstationDatabase> {
  const database = new WorkstationDatabase(`test-${Date.now()}-${counter++}`)
  await database.open()
  return database
}

export async function userIn(database: WorkstationDatabase, name = 'Jo Smith', role: Role = 'officer') {
  return createUser({ name, role, passphrase: TEST_PASSPHRASE }, database)
}
