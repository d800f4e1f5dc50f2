import { describe, expect, it } from 'vitest'
import { loadDemoCaseload } from '@/data/demo/load'
import { defaultRoutingTable } from '@/domain/routing'
import { freshDatabase, userIn } from '../helpers/db'

describe('demo caseload', () => {
  it('loads cases with parties, incidents, risk assessments and, for open ASB cases, an action plan and next update', async () => {
    const database = await freshDatabase()
    const jo = await userIn(database)
    await loadDemoCaseload({ cases: 60, by: jo.id, officerIds: [jo.id], routing: defaultRoutingTable, today: '2026-11-25', seed: 7 }, database)
    expect(await database.cases.count()).toBe(60)
    const risk = (await database.assessments.toArray()).filter((a) => a.kind === 'risk')
    expect(risk).toHaveLength(60)
    const open = (await database.cases.toArray()).filter((c) => c.status === 'open' && c.route === 'ASB team')
    expect(open.length).toBeGreaterThan(0)
    expect(open.every((c) => c.nextUpdateDue && c.contactFrequencyDays)).toBe(true)
    const actionCases = new Set((await database.actions.toArray()).map((a) => a.caseId))
    expect(open.every((c) => actionCases.has(c.id))).toBe(true)
    expect((await database.incidents.toArray()).every((i) => i.reportedAt && i.reportedAt >= i.occurredAt.slice(0, 10))).toBe(true)
  })
})
