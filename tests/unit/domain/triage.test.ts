import { describe, expect, it } from 'vitest'
import { defaultRoutingTable } from '@/domain/routing'
import { routingSettings } from '@/domain/settings/routingSettings'
import { isHistoric, notAsbExamples, triageCategory } from '@/domain/triage'

// Seed 003 Appendix 1, read column by column from the policy (not copied from the JSON), plus the
// rows added from seeds 001 and 004.
const appendix1: [string, string, string?][] = [
  ['Fly tipping (on landlord-owned land)', 'Community & Environmental'],
  ['Inconsiderate parking', 'No landlord involvement'],
  ['Parking disputes', 'No landlord involvement'],
  ['Routine noise (DIY, children playing, day-to-day living noise)', 'No landlord involvement'],
  ['Abandoned vehicles (on landlord-owned land)', 'Community & Environmental'],
  ['Animal cruelty or neglect', 'Another agency', 'RSPCA'],
  ['Criminal behaviour', 'ASB team'],
  ["Cuckooing (taking over a vulnerable person's home for drug dealing)", 'ASB team'],
  ['Criminal damage', 'Tenancy Management'],
  ['Drug supply and/or use', 'ASB team'],
  ['Graffiti and vandalism', 'ASB team'],
  ['Harassment and intimidation', 'ASB team'],
  ['Hate incident or crime', 'ASB team'],
  ['Neighbour disputes (including boundaries)', 'No landlord involvement'],
  ['One-off parties or celebrations', 'No landlord involvement'],
  ['Persistent noise or loud music', 'ASB team'],
  ['Dog fouling', 'Community & Environmental'],
  ['Dog bites or attacks', 'ASB team'],
  ['Unsafe keeping of pets', 'Tenancy Management'],
  ['Prostitution or sexual acts', 'ASB team'],
  ['Untidy garden', 'Community & Environmental'],
  ['Verbal abuse', 'ASB team'],
  // seeds 001 §6.4, 001 §3.1 / 004, 001 §1.4
  ['Physical violence', 'ASB team'],
  ['County lines drug dealing', 'ASB team'],
  ['Mate crime (exploiting a vulnerable person)', 'ASB team'],
  ['Domestic abuse', 'Another agency', 'Domestic abuse service (separate policy)'],
  ['Alcohol-related nuisance', 'ASB team'],
  ['Dogs barking', 'ASB team'],
  ['Vehicle nuisance', 'ASB team'],
]

describe('routing by the default table', () => {
  it('has exactly the rows of the policy, once each', () => {
    expect(defaultRoutingTable.rows.map((r) => r.category).sort()).toEqual(appendix1.map(([c]) => c).sort())
  })

  it.each(appendix1)('%s → %s', (category, route, agency) => {
    const result = triageCategory(defaultRoutingTable, category)
    expect(result?.route).toBe(route)
    if (agency) expect(result?.agency).toBe(agency)
    expect(result?.runsAsAsb).toBe(route === 'ASB team')
  })

  it('a routed-away report tells the officer to record a reason and send the not-ASB letter', () => {
    expect(triageCategory(defaultRoutingTable, 'Parking disputes')?.explanation).toMatch(/not ASB" letter/)
    expect(triageCategory(defaultRoutingTable, 'Animal cruelty or neglect')?.explanation).toMatch(/RSPCA/)
  })

  it('domestic abuse is flagged and routed out of the ASB workflow (seed 001 §1.4)', () => {
    const da = triageCategory(defaultRoutingTable, 'Domestic abuse')
    expect(da).toMatchObject({ domesticAbuse: true, runsAsAsb: false, band: 'High' })
  })

  it('flags hate and high-harm categories', () => {
    expect(triageCategory(defaultRoutingTable, 'Hate incident or crime')).toMatchObject({ hateRelated: true, band: 'High' })
    for (const c of ['County lines drug dealing', 'Mate crime (exploiting a vulnerable person)']) {
      expect(triageCategory(defaultRoutingTable, c)?.highHarm).toBe(true)
    }
    expect(triageCategory(defaultRoutingTable, 'Verbal abuse')?.highHarm).toBe(false)
  })

  it('an unknown category has no route', () => {
    expect(triageCategory(defaultRoutingTable, 'Aliens')).toBeUndefined()
  })

  it('follows an edited table: the table is data', () => {
    const edited = { ...defaultRoutingTable, rows: defaultRoutingTable.rows.map((r) => (r.category === 'Criminal damage' ? { ...r, route: 'ASB team' as const } : r)) }
    expect(triageCategory(edited, 'Criminal damage')?.route).toBe('ASB team')
  })

  it('the settings section refuses a repeated category and an agency route with no agency named', () => {
    const bad = { version: 'x', rows: [{ category: 'Noise', route: 'ASB team', band: 'Medium' }, { category: 'noise', route: 'Another agency', band: 'Standard' }] }
    const issues = routingSettings.schema.safeParse(bad).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
    expect(issues).toEqual(expect.arrayContaining([expect.stringMatching(/^rows\.1\.category: repeats row 1/), expect.stringMatching(/^rows\.1\.agency: name the agency/)]))
  })

  it('shows not-ASB guidance from the policies', () => {
    expect(notAsbExamples.map((e) => e.text).join(' ')).toMatch(/Children playing.*Babies crying/s)
  })
})

describe('historic reports (seed 001 §3.2: over six months old)', () => {
  it('is historic when the latest incident is more than 6 months before the report', () => {
    expect(isHistoric('2026-05-22T10:00', '2026-11-23', 6)).toBe(true)
    expect(isHistoric('2026-05-23T10:00', '2026-11-23', 6)).toBe(false)
    expect(isHistoric('2026-11-20T22:00', '2026-11-23', 6)).toBe(false)
  })
  it('follows the setting', () => {
    expect(isHistoric('2026-09-01', '2026-11-23', 2)).toBe(true)
  })
})
