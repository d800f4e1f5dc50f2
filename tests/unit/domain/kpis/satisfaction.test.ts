import { describe, expect, it } from 'vitest'
import { defaultReportingRules as rules } from '@/domain/kpis/reportingRules'
import { tp12 } from '@/domain/kpis/satisfaction'
import { q2 } from './fixture'

describe('TSM TP12 from survey answers', () => {
  const surveys = [
    { caseId: 'a', answeredAt: '2026-07-02', tp12: 5 },
    { caseId: 'b', answeredAt: '2026-07-20', tp12: 4 },
    { caseId: 'c', answeredAt: '2026-08-01', tp12: 4 },
    { caseId: 'd', answeredAt: '2026-08-15', tp12: 3 },
    { caseId: 'e', answeredAt: '2026-09-01', tp12: 1 },
    { caseId: 'f', answeredAt: '2026-09-30', tp12: 2 },
    { caseId: 'g', answeredAt: '2026-10-01', tp12: 5 }, // answered after the period
    { caseId: 'h' }, // sent, never answered
    { caseId: 'i', answeredAt: '2026-08-02' }, // answered other questions, skipped TP12
    { caseId: 'j', answeredAt: '2026-08-03', tp12: 7 }, // not on the 1–5 scale: not a response
  ]
  const { figure, table } = tp12(surveys, q2, rules)

  it('is very or fairly satisfied (5 or 4) out of responses in the period: 3 of 6 = 50%', () => {
    expect(figure).toMatchObject({ numerator: 3, denominator: 6, value: 50, unit: '%' })
  })

  it('tabulates every answer on the scale', () => {
    expect(table.rows).toEqual([
      ['5 — Very satisfied', 1], ['4 — Fairly satisfied', 2], ['3 — Neither satisfied nor dissatisfied', 1],
      ['2 — Fairly dissatisfied', 1], ['1 — Very dissatisfied', 1],
    ])
  })

  it('has no figure when nobody answered', () => {
    expect(tp12([{ caseId: 'h' }], q2, rules).figure.value).toBeNull()
  })

  it('rounds to one decimal place: 2 of 3 satisfied = 66.7%', () => {
    const r = tp12([{ caseId: 'a', answeredAt: '2026-07-02', tp12: 5 }, { caseId: 'b', answeredAt: '2026-07-02', tp12: 4 }, { caseId: 'c', answeredAt: '2026-07-02', tp12: 2 }], q2, rules)
    expect(r.figure.value).toBe(66.7)
  })
})
