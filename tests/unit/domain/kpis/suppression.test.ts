import { describe, expect, it } from 'vitest'
import { characteristicTrends, suppressRow } from '@/domain/kpis/equality'
import { defaultReportingRules as rules } from '@/domain/kpis/reportingRules'
import type { KpiParty, KpiPersonCharacteristics } from '@/domain/kpis/rows'
import { customPeriod } from '@/domain/kpis/periods'
import { kcase, q2 } from './fixture'

describe('small-cell suppression', () => {
  it('hides counts from 1 to 4 and keeps zero and 5 or more', () => {
    expect(suppressRow([1, 2, 10, 0], 5)).toEqual(['suppressed', 'suppressed', 10, 0])
    expect(suppressRow([5, 6, 0], 5)).toEqual([5, 6, 0])
  })

  it('hides the next smallest cell when only one is hidden, so it cannot be worked out from the total', () => {
    // 12 + 3 + 7 = 22 shown as a total would give away the 3; 7 is the next smallest.
    expect(suppressRow([12, 3, 7, 0], 5)).toEqual([12, 'suppressed', 'suppressed', 0])
  })
})

describe('protected characteristic trends', () => {
  // Nine cases opened in Q2, one reporter each; people r1–r7 are recorded "Disabled", r8–r9 "Not
  // disabled", all with consent. r10 has no consent, so is not in the list of characteristics at all.
  const cases = Array.from({ length: 10 }, (_, i) => kcase(`c${i + 1}`, { openedAt: i < 5 ? '2026-07-10' : '2026-10-10' }))
  const parties: KpiParty[] = cases.map((c, i) => ({ caseId: c.id, personId: `r${i + 1}`, role: 'reporter' }))
  parties.push({ caseId: 'c1', personId: 'r1', role: 'victim' }) // the same person twice on one case counts once
  const people: KpiPersonCharacteristics[] = Array.from({ length: 9 }, (_, i) => ({
    personId: `r${i + 1}`, values: { disability: i < 7 ? 'Disabled' : 'Not disabled' },
  }))

  it('shows counts of 5 or more as they are', () => {
    // Q2 only: c1–c5 → r1–r5, all "Disabled": 5, shown. Nobody "Not disabled" had a case in Q2.
    const [victims] = characteristicTrends(cases, parties, people, q2, rules)
    expect(victims.rows).toEqual([['disability', 'Disabled', 5, 5]])
  })

  it('applies suppression to every quarter column and to the totals', () => {
    // Q2: Disabled 5, Not disabled 0. Q3: c6–c7 Disabled (2), c8–c9 Not disabled (2), c10 no consent.
    // Q3 column [2, 2] → both hidden. Totals [7, 2] → 2 hidden, and 7 with it (secondary).
    const [victims] = characteristicTrends(cases, parties, people, customPeriod('2026-07-01', '2026-12-31'), rules)
    expect(victims.columns).toEqual(['Characteristic', 'Recorded as', 'Q2 2026/27', 'Q3 2026/27', 'Whole period'])
    expect(victims.rows).toEqual([
      ['disability', 'Disabled', 5, 'fewer than 5', 'fewer than 5'],
      ['disability', 'Not disabled', 0, 'fewer than 5', 'fewer than 5'],
    ])
  })

  it('counts nobody on the perpetrator side when only reporters have characteristics', () => {
    const [, perpetrators] = characteristicTrends(cases, parties, people, q2, rules)
    expect(perpetrators.rows).toEqual([])
  })
})
