import { DATABASE_NAME, db } from '../db'

/**
 * Whether opening the app's database would run a schema upgrade, answered from IndexedDB's list
 * of databases without opening any — so a normal start (nothing to upgrade) costs one quick call
 * and the backup code does no work. Dexie stores version N as IndexedDB version N × 10, and may
 * store a higher one after patching its own schema, which is not an upgrade either.
 * Where the list is not available (older browsers) it answers true, and backupBeforeMigration()
 * makes the full check by opening the stored database without its schema.
 */
export async function schemaUpgradePending(
  name: string = DATABASE_NAME,
  declaredVersion: number = db.verno,
  factory: Pick<IDBFactory, 'databases'> | undefined = globalThis.indexedDB,
): Promise<boolean> {
  if (typeof factory?.databases !== 'function') return true
  const stored = (await factory.databases()).find((found) => found.name === name)
  // Not there yet: a first start, with nothing to back up.
  if (stored?.version === undefined) return false
  return stored.version < Math.round(declaredVersion * 10)
}
