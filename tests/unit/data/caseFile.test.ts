import { describe, expect, it } from 'vitest'
import { loadCaseFile } from '@/data/repositories/caseFile'
import { insertCaseFixture } from '../helpers/caseFixture'
import { freshDatabase, userIn } from '../helpers/db'

describe('loading a case file', () => {
  it('returns the case with its parties (and their people), incidents in date order and contacts', async () => {
    const database = await freshDatabase()
    const officer = await userIn(database)
    const fixture = await insertCaseFixture(database, officer.id)
    const file = await loadCaseFile(fixture.case.id, database)
    expect(file?.case.ref).toBe('ASB-2026-00042')
    expect(file?.parties.map((p) => [p.role, p.person.surname])).toEqual(expect.arrayContaining([['reporter', 'Okonjo'], ['alleged perpetrator', 'Harlow']]))
    expect(file?.incidents.map((i) => i.occurredAt)).toEqual(['2026-08-29T23:40:00', '2026-09-05T00:15:00', '2026-09-19T22:50:00'])
    expect(file?.contacts).toHaveLength(1)
  })

  it('returns undefined for a case that does not exist', async () => {
    const database = await freshDatabase()
    expect(await loadCaseFile('nope', database)).toBeUndefined()
  })
})
