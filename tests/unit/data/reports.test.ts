import { describe, expect, it } from 'vitest'
import { drawQualitySample, listQualitySamples, scoreQualitySample } from '@/data/repositories/qualitySampling'
import { readKpiInput } from '@/data/repositories/reports'
import type { WorkstationDatabase } from '@/data/db'
import { reportingQuarter } from '@/domain/kpis/periods'
import { freshDatabase, userIn } from '../helpers/db'
import { insertCaseFixture } from '../helpers/caseFixture'

const q2 = reportingQuarter(2026, 2) // 1 July – 30 September 2026

async function addCase(database: WorkstationDatabase, officerId: string, id: string, overrides: Record<string, unknown>) {
  const base = (await database.cases.get('case-fixture'))!
  await database.cases.add({ ...base, id, officerId, ref: `ASB-2026-${id.padStart(5, '0')}`, ...overrides } as never)
}

const allMet = { contactOnTime: 'met', actionPlanAgreed: 'met', vulnerabilityAssessed: 'met', closureSummaryReadable: 'met', eiaWhereFormalAction: 'not applicable' } as const

describe('reports repository', () => {
  it('reads the cases a period needs, with earlier closures, acknowledgement dates and TP12 answers', async () => {
    const database = await freshDatabase()
    const jo = await userIn(database, 'Jo Smith')
    await insertCaseFixture(database, jo.id, { openedAt: '2026-09-01', acknowledgedAt: '2026-09-03T10:00:00Z' }) // opened in Q2, acknowledged
    await addCase(database, jo.id, '2', { openedAt: '2026-03-01', status: 'closed', closedAt: '2026-08-01', closure: { reason: 'Actions completed', closedAt: '2026-08-01', closedBy: jo.id, note: '' } }) // closed in Q2
    await addCase(database, jo.id, '3', { openedAt: '2026-01-01', status: 'open', reopenedAt: ['2026-07-20'], pastClosures: [{ closedAt: '2026-06-01' }] }) // reopened in Q2
    await addCase(database, jo.id, '4', { openedAt: '2025-01-01', status: 'closed', closedAt: '2025-06-01' }) // irrelevant
    await addCase(database, jo.id, '5', { openedAt: '2026-10-05', status: 'open' }) // after Q2
    await database.surveys.bulkAdd([
      { id: 's1', caseId: '2', kind: 'satisfaction', dueAt: '2026-08-10', answeredAt: '2026-08-20', answers: { tp12: 4 } },
      { id: 's2', caseId: '4', kind: 'satisfaction', dueAt: '2025-06-10', answeredAt: '2025-06-20', answers: { tp12: 1 } },
      { id: 'f1', caseId: '2', kind: 'follow-up', dueAt: '2026-08-29' },
    ])
    await database.assessments.add({ id: 'a1', caseId: 'case-fixture', kind: 'vulnerability', version: 1, answers: {}, result: 'vulnerable', reason: '', by: jo.id, at: '2026-09-02' })

    const input = await readKpiInput(q2, database)
    expect(input.cases.map((c) => c.id).sort()).toEqual(['2', '3', 'case-fixture'])
    expect(input.cases.find((c) => c.id === '3')).toMatchObject({ reopenedAt: ['2026-07-20'], closedDates: ['2026-06-01'] })
    expect(input.cases.find((c) => c.id === '2')).toMatchObject({ closureReason: 'Actions completed', closedDates: ['2026-08-01'] })
    expect(input.acknowledgements).toContainEqual({ caseId: 'case-fixture', sentAt: '2026-09-03T10:00:00Z' })
    expect(input.surveys).toEqual([{ caseId: '2', answeredAt: '2026-08-20', tp12: 4, officerId: jo.id }])
    expect(input.assessments).toEqual([{ caseId: 'case-fixture', kind: 'vulnerability', completed: true }])
    expect(input.parties).toEqual([]) // nobody is on two cases, so no party can make a repeat report
    expect(input.homesOwned).toBe(12500)

    // Later writes are picked up: a new case about the same alleged perpetrator, and a changed case.
    await addCase(database, jo.id, '6', { openedAt: '2026-09-10' })
    await database.caseParties.add({ id: 'cp-6', caseId: '6', personId: 'p-perp', role: 'alleged perpetrator', consentToShare: false, consentToApproach: false, identityConfidential: false, createdAt: '2026-09-10' })
    await database.cases.update('4', { status: 'open' })
    const again = await readKpiInput(q2, database)
    expect(again.cases.map((c) => c.id).sort()).toEqual(['2', '3', '4', '6', 'case-fixture'])
    expect(again.parties.filter((p) => p.personId === 'p-perp').map((p) => p.caseId).sort()).toEqual(['6', 'case-fixture'])
  })
})

describe('quality sampling repository', () => {
  async function setUp() {
    const database = await freshDatabase()
    const admin = await userIn(database, 'Ada Admin', 'officer') // first profile: the administrator
    const manager = await userIn(database, 'Mo Manager', 'manager')
    const officer = await userIn(database, 'Jo Smith')
    await insertCaseFixture(database, officer.id, { status: 'closed', closedAt: '2026-08-01' })
    for (let i = 2; i <= 6; i++) await addCase(database, officer.id, String(i), { status: 'closed', closedAt: `2026-08-0${i}` })
    await addCase(database, manager.id, '7', { status: 'closed', closedAt: '2026-08-09' })
    await addCase(database, officer.id, '8', { status: 'open' })
    return { database, admin, manager, officer }
  }

  it('draws distinct closed cases of the period and never draws a case twice', async () => {
    const { database, manager, officer } = await setUp()
    const first = await drawQualitySample({ from: '2026-07-01', to: '2026-09-30', size: 4, officerId: officer.id }, manager.id, database)
    expect(first).toHaveLength(4)
    expect(new Set(first.map((s) => s.caseId)).size).toBe(4)
    const second = await drawQualitySample({ from: '2026-07-01', to: '2026-09-30', size: 4, officerId: officer.id }, manager.id, database)
    expect(second).toHaveLength(2) // only 6 of Jo's cases closed in the period
    expect(second.some((s) => first.some((f) => f.caseId === s.caseId))).toBe(false)
    await expect(drawQualitySample({ from: '2026-07-01', to: '2026-09-30', size: 4, officerId: officer.id }, manager.id, database)).rejects.toThrow(/No closed cases are left/)
    const fixture = [...first, ...second].find((s) => s.caseId === 'case-fixture')!
    // The fixture's first contact (2 Sept) came before its deadline (4 Sept); nothing else is recorded.
    expect(fixture.suggested).toEqual({ contactOnTime: 'met', actionPlanAgreed: 'not met', vulnerabilityAssessed: 'not met', closureSummaryReadable: 'not met', eiaWhereFormalAction: 'not applicable' })
  })

  it('lets only a manager draw and score, never on their own case, and a refused score changes nothing', async () => {
    const { database, manager, officer } = await setUp()
    await expect(drawQualitySample({ from: '2026-07-01', to: '2026-09-30', size: 2 }, officer.id, database)).rejects.toThrow(/needs the manager or administrator role/)
    await expect(drawQualitySample({ from: '2026-09-30', to: '2026-07-01', size: 2 }, manager.id, database)).rejects.toThrow(/to — must be on or after the start date/)
    const drawn = await drawQualitySample({ from: '2026-07-01', to: '2026-09-30', size: 20 }, manager.id, database)
    const own = drawn.find((s) => s.caseId === '7')!
    await expect(scoreQualitySample(own.id, { answers: allMet }, manager.id, database)).rejects.toThrow(/someone other than the author/)
    const other = drawn.find((s) => s.caseId !== '7')!
    await expect(scoreQualitySample(other.id, { answers: { ...allMet, contactOnTime: 'maybe' } } as never, manager.id, database)).rejects.toThrow(/answers.contactOnTime/)
    expect((await database.qualitySamples.get(other.id))!.answers).toBeUndefined()
    const scored = await scoreQualitySample(other.id, { answers: allMet, note: 'Good file.' }, manager.id, database)
    expect(scored).toMatchObject({ answers: allMet, note: 'Good file.', scoredBy: manager.id })
    expect((await listQualitySamples(database)).filter((s) => s.answers)).toHaveLength(1)
  })
})
