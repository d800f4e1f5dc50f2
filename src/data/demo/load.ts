import { defaultCalendar } from '@/domain/calendarData'
import type { RoutingTable } from '@/domain/routing'
import { db, type WorkstationDatabase } from '../db'
import { auditedWrite } from '../write'
import { generateDemoCaseload } from './generate'

export interface LoadDemoOptions {
  cases: number
  by: string
  officerIds: string[]
  routing: RoutingTable
  today?: string
  seed?: number
  /** Cases written per transaction: keeps memory flat for 50,000-case benchmark loads. */
  chunkSize?: number
  onProgress?: (loaded: number, total: number) => void
}

/**
 * Fills the database with a synthetic caseload. Each chunk is one transaction with one audit entry;
 * references continue from the counters so demo cases never clash with real ones.
 */
export async function loadDemoCaseload(options: LoadDemoOptions, database: WorkstationDatabase = db): Promise<number> {
  if (!Number.isInteger(options.cases) || options.cases < 1 || options.cases > 100_000) {
    throw new RangeError('The demo caseload must have between 1 and 100,000 cases.')
  }
  if (options.officerIds.length === 0) throw new RangeError('The demo caseload needs at least one officer to assign cases to.')
  const today = options.today ?? new Date().toISOString().slice(0, 10)
  const chunkSize = options.chunkSize ?? 2000
  let loaded = 0
  let chunkNo = 0
  while (loaded < options.cases) {
    const count = Math.min(chunkSize, options.cases - loaded)
    await auditedWrite(options.by, (d) => [d.cases, d.people, d.caseParties, d.incidents, d.contacts, d.actions, d.assessments, d.counters], async ({ database: d, audit }) => {
      const counters = await d.counters.where('key').startsWith('case-ref:').toArray()
      const firstSequenceByYear = Object.fromEntries(counters.map((c) => [Number(c.key.slice('case-ref:'.length)), c.value]))
      const demo = generateDemoCaseload({
        cases: count, seed: (options.seed ?? 20261125) + chunkNo * 7919 + Date.now() % 100000, officerIds: options.officerIds,
        today, calendar: defaultCalendar, routing: options.routing, firstSequenceByYear,
      })
      await d.people.bulkAdd(demo.people)
      await d.cases.bulkAdd(demo.cases)
      await d.caseParties.bulkAdd(demo.caseParties)
      await d.incidents.bulkAdd(demo.incidents)
      await d.contacts.bulkAdd(demo.contacts)
      await d.actions.bulkAdd(demo.actions)
      await d.assessments.bulkAdd(demo.assessments)
      await d.counters.bulkPut(Object.entries(demo.lastSequenceByYear).map(([year, value]) => ({ key: `case-ref:${year}`, value })))
      await audit({ entity: 'demo', entityId: `chunk-${chunkNo}`, action: 'loaded demo caseload', after: { cases: demo.cases.length, firstRef: demo.cases[0]?.ref, lastRef: demo.cases.at(-1)?.ref } })
    }, database)
    loaded += count
    chunkNo++
    options.onProgress?.(loaded, options.cases)
  }
  return loaded
}
