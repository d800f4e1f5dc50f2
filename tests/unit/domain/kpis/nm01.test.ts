import { describe, expect, it } from 'vitest'
import { nm01, openOn } from '@/domain/kpis/nm01'
import { defaultReportingRules as rules } from '@/domain/kpis/reportingRules'
import type { KpiParty } from '@/domain/kpis/rows'
import { kcase, q2 } from './fixture'

const against = (caseId: string, personId: string): KpiParty => ({ caseId, personId, role: 'alleged perpetrator' })

// Period Q2 2026/27 (1 July – 30 September 2026); 2,000 homes owned.
const cases = [
  kcase('1', { openedAt: '2026-07-06', status: 'closed', closedAt: '2026-08-20', closedDates: ['2026-08-20'] }), // counts
  kcase('2', { openedAt: '2026-07-20', status: 'closed', closedAt: '2026-08-20', closedDates: ['2026-08-20'] }), // same person as case 1 while case 1 was open: a further report (closed with it)
  kcase('3', { openedAt: '2026-08-25' }), // same person again, but cases 1 and 2 closed on 20 August: a new case
  kcase('4', { openedAt: '2026-07-10', route: 'No landlord involvement' }), // routed away: not ASB
  kcase('5', { openedAt: '2026-07-15', route: 'Another agency' }), // routed away: not ASB
  kcase('6', { openedAt: '2026-08-01', hateRelated: true, category: 'Hate incident or crime' }), // counts, hate-related
  // Opened before the period, closed, reopened in the period: the same case, not a new one.
  kcase('7', { openedAt: '2026-03-01', status: 'open', reopenedAt: ['2026-07-10'], closedDates: ['2026-05-01'] }),
  kcase('8', { openedAt: '2026-10-02' }), // after the period
  kcase('9', { openedAt: '2026-09-30', route: 'Community & Environmental', category: 'Fly tipping (on landlord-owned land)' }), // internal team: counts
  kcase('10', { openedAt: '2026-06-01' }), // open since June about person P3 …
  kcase('11', { openedAt: '2026-07-03' }), // … so this report about P3 is part of case 10
]
const parties = [against('1', 'P1'), against('2', 'P1'), against('3', 'P1'), against('6', 'P2'), against('10', 'P3'), against('11', 'P3'),
  { caseId: '9', personId: 'P1', role: 'reporter' as const }] // being a reporter elsewhere never makes a case a repeat

describe('TSM NM01', () => {
  const result = nm01(cases, parties, 2000, q2, rules)

  it('counts each ASB case once, when opened: cases 1, 3, 6 and 9 → 4 cases; 4 / 2,000 × 1,000 = 2.00', () => {
    expect(result.countedCaseIds.sort()).toEqual(['1', '3', '6', '9'])
    expect(result.nm01_1).toMatchObject({ numerator: 4, denominator: 2000, value: 2 })
  })

  it('counts hate-related cases for NM01(2): only case 6 → 1 / 2,000 × 1,000 = 0.50', () => {
    expect(result.nm01_2).toMatchObject({ numerator: 1, denominator: 2000, value: 0.5 })
  })

  it('explains every case opened in the period that was not counted', () => {
    const why = Object.fromEntries(result.notCounted.map((n) => [n.caseId, n.why]))
    expect(why['2']).toMatch(/same person while ASB-2026-00001 was open/)
    expect(why['11']).toMatch(/same person while ASB-2026-00010 was open/)
    expect(why['4']).toMatch(/No landlord involvement/)
    expect(why['5']).toMatch(/Another agency/)
    expect(Object.keys(why).sort()).toEqual(['11', '2', '4', '5'])
  })

  it('does not count a reopened case again', () => {
    expect(result.countedCaseIds).not.toContain('7')
  })

  it('states the counting rule and the homes owned next to the figure', () => {
    expect(result.nm01_1.rule).toMatch(/counted once when opened/)
    expect(result.nm01_1.rule).toMatch(/2,000/)
  })

  it('has no figure when homes owned is zero rather than dividing by it', () => {
    expect(nm01(cases, parties, 0, q2, rules).nm01_1.value).toBeNull()
  })
})

describe('openOn', () => {
  const c = kcase('x', { openedAt: '2026-01-10', closedDates: ['2026-02-01', '2026-04-01'], reopenedAt: ['2026-03-01'] })
  it('follows closures and reopenings', () => {
    expect(openOn(c, '2026-01-09')).toBe(false)
    expect(openOn(c, '2026-01-31')).toBe(true)
    expect(openOn(c, '2026-02-01')).toBe(false)
    expect(openOn(c, '2026-03-15')).toBe(true)
    expect(openOn(c, '2026-04-02')).toBe(false)
  })
})
