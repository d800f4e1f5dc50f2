import { describe, expect, it } from 'vitest'
import { loadCaseFile } from '@/data/repositories/caseFile'
import { buildTimeline } from '@/domain/timeline'
import { insertCaseFixture } from '../helpers/caseFixture'
import { freshDatabase, userIn } from '../helpers/db'

describe('case timeline', () => {
  it('shows everything newest first, incidents and contacts included', async () => {
    const database = await freshDatabase()
    const jo = await userIn(database)
    const f = await insertCaseFixture(database, jo.id)
    const file = (await loadCaseFile(f.case.id, database))!
    const timeline = buildTimeline(file)
    expect(timeline.map((e) => e.at)).toEqual([...timeline.map((e) => e.at)].sort().reverse())
    expect(timeline[0]).toMatchObject({ kind: 'incident', detail: expect.stringMatching(/Loud music again.*Reported by Maya Okonjo/) })
    expect(timeline.filter((e) => e.kind === 'contact').map((e) => e.title)).toEqual(['Contact with Maya Okonjo by telephone'])
    expect(timeline.at(-1)?.kind).toBe('incident')
  })

  it('counts the evidence files kept on each incident, leaving out removed ones', async () => {
    const database = await freshDatabase()
    const jo = await userIn(database)
    const f = await insertCaseFixture(database, jo.id)
    const file = (await loadCaseFile(f.case.id, database))!
    const withEvidence = {
      ...file,
      evidence: [
        { id: 'e1', caseId: f.case.id, incidentId: 'inc-1' },
        { id: 'e2', caseId: f.case.id, incidentId: 'inc-1' },
        { id: 'e3', caseId: f.case.id, incidentId: 'inc-2' },
        { id: 'e4', caseId: f.case.id, incidentId: 'inc-2', removed: { at: '2026-09-10', by: jo.id, reason: 'wrong incident' } },
      ],
    }
    const titles = Object.fromEntries(buildTimeline(withEvidence).filter((e) => e.kind === 'incident').map((e) => [e.id, e.title]))
    expect(titles['inc-1']).toMatch(/· 2 evidence files$/)
    expect(titles['inc-2']).toMatch(/· 1 evidence file$/)
    expect(titles['inc-3']).not.toMatch(/evidence/)
  })

  it('writes action due dates and service dates in UK form', async () => {
    const database = await freshDatabase()
    const jo = await userIn(database)
    const f = await insertCaseFixture(database, jo.id)
    const file = (await loadCaseFile(f.case.id, database))!
    const action = { id: 'a1', caseId: f.case.id, what: 'Visit Flat 7', owner: 'Jo Smith', due: '2026-10-05', status: 'open' as const, createdAt: '2026-09-20T09:00:00', updatedAt: '2026-09-20T09:00:00' }
    const entry = buildTimeline({ ...file, actions: [action] }).find((e) => e.id === 'a1')
    expect(entry?.detail).toBe('Jo Smith, due 5 October 2026 — open')
  })
})
