import { formatCaseRef } from '@/domain/cases'
import type { WorkstationDatabase } from '../db'

/**
 * Allocates the next ASB-YYYY-NNNNN reference. Call inside the read-write transaction that creates
 * the case (with the counters table in scope): IndexedDB serialises those transactions, so two
 * cases created at once can never share a number.
 */
export async function allocateCaseRef(database: WorkstationDatabase, year: number): Promise<string> {
  const key = `case-ref:${year}`
  const current = (await database.counters.get(key))?.value ?? 0
  const next = current + 1
  await database.counters.put({ key, value: next })
  return formatCaseRef(year, next)
}
