import { auditHash, auditSnapshot, checkAuditChain, GENESIS_HASH, type AuditEntry, type ChainCheck } from '@/domain/audit'
import { db, type WorkstationDatabase } from './db'

/** What a write says about itself; appendAudit adds the sequence, time, user and chain hashes. */
export type AuditFact = Pick<AuditEntry, 'caseId' | 'entity' | 'entityId' | 'action' | 'before' | 'after'>

/**
 * Appends one entry to the chain. Must be called inside a transaction that includes the audit
 * table: IndexedDB serialises such transactions, so seq and prevHash cannot race.
 */
export async function appendAudit(database: WorkstationDatabase, userId: string, fact: AuditFact): Promise<AuditEntry> {
  const last = await database.audit.orderBy('seq').last()
  const body: Omit<AuditEntry, 'hash'> = {
    seq: (last?.seq ?? 0) + 1,
    at: new Date().toISOString(),
    userId,
    ...(fact.caseId ? { caseId: fact.caseId } : {}),
    entity: fact.entity,
    entityId: fact.entityId,
    action: fact.action,
    ...(fact.before !== undefined ? { before: auditSnapshot(fact.before) } : {}),
    ...(fact.after !== undefined ? { after: auditSnapshot(fact.after) } : {}),
    prevHash: last?.hash ?? GENESIS_HASH,
  }
  const entry: AuditEntry = { ...body, hash: auditHash(body) }
  await database.audit.add(entry)
  return entry
}

/** Verifies the whole chain in seq order; `onProgress` reports entries checked so far. */
export async function verifyAuditChain(database: WorkstationDatabase = db, onProgress?: (checked: number, total: number) => void): Promise<ChainCheck> {
  const total = await database.audit.count()
  const entries: AuditEntry[] = []
  const pageSize = 5000
  let lastSeq = 0
  for (;;) {
    const page = await database.audit.where('seq').above(lastSeq).limit(pageSize).toArray()
    if (page.length === 0) break
    entries.push(...page)
    lastSeq = page[page.length - 1].seq
    onProgress?.(entries.length, total)
  }
  return checkAuditChain(entries)
}

export async function auditForCase(caseId: string, database: WorkstationDatabase = db): Promise<AuditEntry[]> {
  return database.audit.where('caseId').equals(caseId).reverse().sortBy('seq')
}
