import Dexie from 'dexie'
import { toCaseloadRow, type CaseloadRow } from '@/domain/caseloadSearch'
import { db, type WorkstationDatabase } from '../db'

/**
 * The caseload's slim rows, read once into memory (see src/domain/caseloadSearch.ts). Reading
 * 50,000 cases is one IndexedDB cursor; each row keeps only what the list and its filters need.
 */
export async function listCaseloadRows(database: WorkstationDatabase = db): Promise<CaseloadRow[]> {
  const rows: CaseloadRow[] = []
  await database.cases.orderBy('openedAt').reverse().each((c) => {
    rows.push(toCaseloadRow(c))
  })
  return rows
}

export async function caseloadRowsById(ids: string[], database: WorkstationDatabase = db): Promise<(CaseloadRow | undefined)[]> {
  return (await database.cases.bulkGet(ids)).map((c) => (c ? toCaseloadRow(c) : undefined))
}

/**
 * Calls back whenever any feature writes to the cases table (in this tab or another), with the
 * ids it can tell were changed (empty when unknown), so the in-memory index can follow writes
 * made by other features (closure, formal action) without re-reading everything.
 */
export function onCasesChanged(callback: (ids: string[] | 'all') => void, database: WorkstationDatabase = db): () => void {
  const prefix = `idb://${database.name}/cases/`
  const listener = (parts: Record<string, unknown>) => {
    const primary = parts[prefix] as { from?: unknown; to?: unknown; l?: unknown; r?: unknown } | undefined
    if (!Object.keys(parts).some((k) => k.startsWith(prefix))) return
    const ids: string[] = []
    // A RangeSet node: {from, to, l, r}; single-key ranges have from === to.
    const walk = (node: { from?: unknown; to?: unknown; l?: unknown; r?: unknown } | undefined): boolean => {
      if (!node || node.from === undefined) return true
      if (node.from !== node.to || typeof node.from !== 'string') return false
      ids.push(node.from)
      return walk(node.l as typeof node) && walk(node.r as typeof node)
    }
    callback(primary && walk(primary) && ids.length ? ids : 'all')
  }
  Dexie.on('storagemutated', listener)
  return () => Dexie.on.storagemutated.unsubscribe(listener)
}
