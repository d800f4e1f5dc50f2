import type { Table } from 'dexie'
import { appendAudit, type AuditFact } from './audit'
import { db, type WorkstationDatabase } from './db'

export interface WriteContext {
  database: WorkstationDatabase
  /** The user making the change: recorded on every audit entry. */
  by: string
  audit(fact: AuditFact): Promise<void>
}

/**
 * Writes go through one door: the change and its audit entries run in one read-write
 * transaction, so a thrown error rolls back both and nothing is half-written. [DESIGN: data layer]
 *
 * Never await anything but Dexie inside `work` (e.g. WebCrypto, fetch): IndexedDB commits a
 * transaction as soon as it is left idle. Compute hashes of large blobs before calling this.
 */
export async function auditedWrite<T>(
  by: string,
  tables: (database: WorkstationDatabase) => Table<never, never>[] | Table[],
  work: (ctx: WriteContext) => Promise<T>,
  database: WorkstationDatabase = db,
): Promise<T> {
  if (!by) throw new Error('A change must name the user making it (no profile is signed in).')
  return database.transaction('rw', [...(tables(database) as Table[]), database.audit], async () => {
    const ctx: WriteContext = {
      database,
      by,
      audit: async (fact) => {
        await appendAudit(database, by, fact)
      },
    }
    return work(ctx)
  })
}

export function newId(): string {
  return crypto.randomUUID()
}

export function nowIso(): string {
  return new Date().toISOString()
}
