import { describe, expect, it } from 'vitest'
import { caseFileTodayItems } from '@/data/repositories/caseFileToday'
import { recordIntervention, recordInterventionReview } from '@/data/repositories/interventions'
import { ValidationError } from '@/domain/validation'
import { insertCaseFixture } from '../helpers/caseFixture'
import { freshDatabase, userIn } from '../helpers/db'

async function caseWithAba() {
  const database = await freshDatabase()
  const officer = await userIn(database)
  const fixture = await insertCaseFixture(database, officer.id)
  const aba = await recordIntervention({ caseId: fixture.case.id, kind: 'acceptable behaviour agreement', date: '2026-08-10', againstPersonId: fixture.perpetrator.id, outcome: 'Signed', reviewDue: '2026-11-10' }, officer.id, database)
  return { database, officer, fixture, aba }
}

describe('intervention reviews on the case clock', () => {
  it('an ABA review that is due shows on Today until the review is recorded', async () => {
    const { database, officer, fixture, aba } = await caseWithAba()
    const context = { officerId: officer.id, today: '2026-11-25', horizon: '2026-11-27' }
    const due = (await caseFileTodayItems(context, database)).filter((i) => i.kind === 'review')
    expect(due).toEqual([expect.objectContaining({ caseRef: fixture.case.ref, due: '2026-11-10', overdue: true, label: 'Review of the acceptable behaviour agreement due 10 November 2026' })])

    await recordInterventionReview({ interventionId: aba.id, date: '2026-11-24', outcome: 'No breaches since signing; keep in place.' }, officer.id, database)
    expect((await caseFileTodayItems(context, database)).filter((i) => i.kind === 'review')).toEqual([])
    const stored = await database.interventions.get(aba.id)
    expect(stored?.review).toMatchObject({ date: '2026-11-24', outcome: 'No breaches since signing; keep in place.', by: officer.id })
    const entry = (await database.audit.toArray()).at(-1)
    expect(entry).toMatchObject({ entity: 'intervention', entityId: aba.id, action: 'reviewed', caseId: fixture.case.id })
  })

  it('refuses a review with no finding, dated before the intervention, or recorded twice — changing nothing', async () => {
    const { database, officer, aba } = await caseWithAba()
    const before = await database.audit.count()
    const refusal = (await recordInterventionReview({ interventionId: aba.id, date: '2026-08-01', outcome: '' }, officer.id, database).catch((e) => e)) as ValidationError
    expect(refusal).toBeInstanceOf(ValidationError)
    expect(refusal.problems.map((p) => p.field)).toEqual(['outcome'])
    await expect(recordInterventionReview({ interventionId: aba.id, date: '2026-08-01', outcome: 'Held the review.' }, officer.id, database)).rejects.toThrow(/on or after the intervention date/)
    await recordInterventionReview({ interventionId: aba.id, date: '2026-11-12', outcome: 'Held the review.' }, officer.id, database)
    await expect(recordInterventionReview({ interventionId: aba.id, date: '2026-11-13', outcome: 'Second go.' }, officer.id, database)).rejects.toThrow(/already reviewed on 2026-11-12/)
    await expect(recordInterventionReview({ interventionId: 'x'.repeat(500), date: '2026-11-13', outcome: 'Held the review.' }, officer.id, database)).rejects.toThrow(/interventionId/)
    expect(await database.audit.count()).toBe(before + 1)
  })

  it('refuses the legal role', async () => {
    const { database, aba } = await caseWithAba()
    const lawyer = await userIn(database, 'Lee Legal', 'legal')
    await expect(recordInterventionReview({ interventionId: aba.id, date: '2026-11-12', outcome: 'Held the review.' }, lawyer.id, database)).rejects.toThrow(/Recording a review needs/)
  })
})
