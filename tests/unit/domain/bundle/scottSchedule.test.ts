import { describe, expect, it } from 'vitest'
import { assemble, preparedFixture } from './shared'

describe('Scott schedule', () => {
  it('has one numbered row per allegation relied on, oldest first, with evidence, witness and an empty reply column', async () => {
    const { sources } = await preparedFixture()
    const { content } = assemble(sources, 'legal team', ['inc-3', 'inc-2'])
    expect(content.scott.map((r) => [r.number, r.incidentId])).toEqual([[1, 'inc-2'], [2, 'inc-3']])
    const [second, third] = content.scott
    expect(second.allegation).toBe('At Flat 7, 14 Kingfisher Way: Shouting and banging on the shared landing after midnight.')
    expect(second.date).toBe('5 September 2026 at 00:15')
    // The recording attached to incident 2 is exhibit JS/2 (captured 5 Sept, after the 3 Sept letter JS/1).
    expect(second.evidence).toEqual(['JS/2'])
    expect(second.witness).toBe('Maya Okonjo, Tom Reyes, Aisha Bellweather')
    expect(third.evidence).toEqual([])
    expect(content.scott.every((r) => r.reply === '')).toBe(true)
  })

  it('relies on every incident when none are chosen, and refuses an incident that is not on the case', async () => {
    const { sources } = await preparedFixture()
    expect(assemble(sources, 'legal team').content.scott.map((r) => r.incidentId)).toEqual(['inc-1', 'inc-2', 'inc-3'])
    expect(() => assemble(sources, 'legal team', ['inc-1', 'inc-999'])).toThrow('These allegations are not incidents of this case: inc-999')
  })

  it('defaults to the incidents the notice particulars were drafted from', async () => {
    const { database, fixture } = await preparedFixture()
    await database.formalActions.update(fixture.formalActionId, { incidentIds: ['inc-3', 'inc-1'] })
    const { loadBundleSources } = await import('@/data/repositories/bundles')
    const sources = await loadBundleSources(fixture.case.id, database)
    expect(assemble(sources, 'legal team').content.scott.map((r) => r.incidentId)).toEqual(['inc-1', 'inc-3'])
    // The officer's own choice still wins.
    expect(assemble(sources, 'legal team', ['inc-2']).content.scott.map((r) => r.incidentId)).toEqual(['inc-2'])
  })
})
