import { describe, expect, it } from 'vitest'
import { addIncident, editIncident } from '@/data/repositories/incidents'
import { ValidationError } from '@/domain/validation'
import { insertCaseFixture } from '../helpers/caseFixture'
import { freshDatabase, userIn } from '../helpers/db'

const clock = { today: '2026-11-23', now: '2026-11-23T10:00' }

describe('incidents (diary sheets)', () => {
  it('adds an incident with every diary-sheet field and an audit entry', async () => {
    const database = await freshDatabase()
    const jo = await userIn(database)
    const f = await insertCaseFixture(database, jo.id)
    const incident = await addIncident({
      caseId: f.case.id, occurredAt: '2026-11-21T23:15', location: 'Shared landing', description: 'Door kicked; shouting.',
      reportedBy: f.reporter.id, witnesses: ['Flat 5'], evidenceRefs: ['Doorbell video 21/11'], policeRef: 'CAD 1234/26',
    }, jo.id, clock, database)
    expect(await database.incidents.get(incident.id)).toMatchObject({ category: f.case.category, policeRef: 'CAD 1234/26', witnesses: ['Flat 5'], reportedAt: '2026-11-23' })
    expect((await database.audit.where('caseId').equals(f.case.id).toArray()).at(-1)).toMatchObject({ entity: 'incident', action: 'recorded' })
  })

  it('refuses an incident in the future or from someone not on the case, and stores nothing', async () => {
    const database = await freshDatabase()
    const jo = await userIn(database)
    const f = await insertCaseFixture(database, jo.id)
    const before = await database.incidents.count()
    const future = await addIncident({ caseId: f.case.id, occurredAt: '2026-11-23T18:00', location: 'Car park', description: 'x' }, jo.id, clock, database).catch((e) => e)
    expect(future).toBeInstanceOf(ValidationError)
    expect(future.problems).toEqual([{ field: 'occurredAt', message: "can't be in the future" }])
    await expect(addIncident({ caseId: f.case.id, occurredAt: '2026-11-20T18:00', location: 'Car park', description: 'x', reportedBy: 'stranger' }, jo.id, clock, database)).rejects.toThrow(/reportedBy — is not a party/)
    expect(await database.incidents.count()).toBe(before)
  })

  it('a recent incident clears the historic flag', async () => {
    const database = await freshDatabase()
    const jo = await userIn(database)
    const f = await insertCaseFixture(database, jo.id, { historic: true })
    await addIncident({ caseId: f.case.id, occurredAt: '2026-11-20T18:00', location: 'Car park', description: 'Shouting' }, jo.id, clock, database)
    expect((await database.cases.get(f.case.id))?.historic).toBe(false)
  })

  it('an edit keeps the earlier version with who, when and why', async () => {
    const database = await freshDatabase()
    const jo = await userIn(database)
    const f = await insertCaseFixture(database, jo.id)
    await expect(editIncident('inc-1', { location: 'Elsewhere', reason: '' }, jo.id, clock, database)).rejects.toThrow(/reason — say why/)
    const edited = await editIncident('inc-1', { location: 'Stairwell, 14 Kingfisher Way', reason: 'Reporter corrected the location' }, jo.id, clock, database)
    expect(edited.location).toBe('Stairwell, 14 Kingfisher Way')
    expect(edited.history).toHaveLength(1)
    expect(edited.history![0]).toMatchObject({ by: jo.id, reason: 'Reporter corrected the location', before: { location: f.incidents[0].location } })
    const twice = await editIncident('inc-1', { description: 'Music until 3am.', reason: 'Time corrected' }, jo.id, clock, database)
    expect(twice.history!.map((h) => h.before.location)).toEqual([f.incidents[0].location, 'Stairwell, 14 Kingfisher Way'])
  })
})
