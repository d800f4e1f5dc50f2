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
})
