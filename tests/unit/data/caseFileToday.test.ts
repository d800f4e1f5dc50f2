import { describe, expect, it } from 'vitest'
import { caseFileTodayItems } from '@/data/repositories/caseFileToday'
import { addAction } from '@/data/repositories/actions'
import { addIncident } from '@/data/repositories/incidents'
import { recordCaseReviewNotice } from '@/data/repositories/cases'
import { insertCaseFixture } from '../helpers/caseFixture'
import { freshDatabase, userIn } from '../helpers/db'

describe('Today items from the case file', () => {
  it('lists the overdue first contact, actions due by the horizon and the case review notice, for the officer holding the case only', async () => {
    const database = await freshDatabase()
    const jo = await userIn(database)
    const sam = await userIn(database, 'Sam Okafor')
    const f = await insertCaseFixture(database, jo.id, { firstContactAt: undefined, firstContactDue: '2026-09-04', acknowledgementDue: '2026-12-01' })
    await addAction({ caseId: f.case.id, what: 'Visit Flat 7', owner: 'Jo Smith', due: '2026-11-24' }, jo.id, {}, database)
    await addAction({ caseId: f.case.id, what: 'Later review', owner: 'Jo Smith', due: '2027-01-10' }, jo.id, {}, database)
    // The fixture's three reports (Aug–Sep) plus two more now: the threshold of 3 in 6 months is met.
    await addIncident({ caseId: f.case.id, occurredAt: '2026-11-20T22:00', location: 'Landing', description: 'Music', reportedBy: f.reporter.id, reportedAt: '2026-11-21' }, jo.id, { today: '2026-11-23', now: '2026-11-23T10:00' }, database)
    await addIncident({ caseId: f.case.id, occurredAt: '2026-11-22T22:00', location: 'Landing', description: 'Music again', reportedBy: f.reporter.id, reportedAt: '2026-11-23' }, jo.id, { today: '2026-11-23', now: '2026-11-23T10:00' }, database)

    const items = await caseFileTodayItems({ officerId: jo.id, today: '2026-11-23', horizon: '2026-11-25' }, database)
    const kinds = items.map((i) => [i.kind, i.overdue])
    expect(kinds).toEqual(expect.arrayContaining([['first contact', true], ['action', false], ['case review notice', true]]))
    expect(items.find((i) => i.kind === 'case review notice')?.label).toMatch(/threshold met/)
    expect(items.find((i) => i.kind === 'action')?.label).toMatch(/Visit Flat 7/)
    expect(items.some((i) => i.label.includes('Later review'))).toBe(false)
    expect(items.some((i) => i.kind === 'acknowledgement')).toBe(false) // due 1 December, beyond the horizon
    expect(items.every((i) => i.caseRef === 'ASB-2026-00042')).toBe(true)

    await recordCaseReviewNotice(f.case.id, '2026-11-23', jo.id, { today: '2026-11-23' }, database)
    const after = await caseFileTodayItems({ officerId: jo.id, today: '2026-11-23', horizon: '2026-11-25' }, database)
    expect(after.some((i) => i.kind === 'case review notice')).toBe(false)
    expect(await caseFileTodayItems({ officerId: sam.id, today: '2026-11-23', horizon: '2026-11-25' }, database)).toEqual([])
  })
})
