import { describe, expect, it } from 'vitest'
import { pickSample, sampleScore, scoresOverTime, suggestedAnswers } from '@/domain/kpis/qualitySampling'

const allMet = { contactOnTime: 'met', actionPlanAgreed: 'met', vulnerabilityAssessed: 'met', closureSummaryReadable: 'met', eiaWhereFormalAction: 'met' } as const

describe('quality sampling', () => {
  it('picks the requested number of different cases, or all when fewer exist', () => {
    let seed = 1
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647)
    const ids = Array.from({ length: 40 }, (_, i) => `c${i}`)
    const sample = pickSample(ids, 10, random)
    expect(sample).toHaveLength(10)
    expect(new Set(sample).size).toBe(10)
    expect(sample.every((id) => ids.includes(id))).toBe(true)
    expect(pickSample(['a', 'b'], 5, random).sort()).toEqual(['a', 'b'])
  })

  it('scores met items out of those that apply: 3 met, 1 not met, 1 not applicable → 3 / 4 = 75%', () => {
    expect(sampleScore({ ...allMet, vulnerabilityAssessed: 'not met', eiaWhereFormalAction: 'not applicable' })).toEqual({ met: 3, applicable: 4, percent: 75 })
  })

  it('suggests answers from the case record, with EIA not applicable when there was no formal action', () => {
    expect(suggestedAnswers({ firstContactAt: '2026-07-07T10:00', firstContactDue: '2026-07-06', actionPlanAgreed: true, vulnerabilityAssessed: false, closureSummaryStored: true, formalActions: 0, formalActionsWithEia: 0 }))
      .toEqual({ contactOnTime: 'not met', actionPlanAgreed: 'met', vulnerabilityAssessed: 'not met', closureSummaryReadable: 'met', eiaWhereFormalAction: 'not applicable' })
    expect(suggestedAnswers({ firstContactDue: '2026-07-06', actionPlanAgreed: false, vulnerabilityAssessed: true, closureSummaryStored: false, formalActions: 2, formalActionsWithEia: 1 }).eiaWhereFormalAction).toBe('not met')
  })

  it('averages scores per quarter, oldest first, ignoring unscored samples', () => {
    const trend = scoresOverTime([
      { sampledAt: '2026-07-10', answers: allMet }, // 100%
      { sampledAt: '2026-08-10', answers: { ...allMet, contactOnTime: 'not met', actionPlanAgreed: 'not met' } }, // 3/5 = 60%
      { sampledAt: '2026-04-10', answers: { ...allMet, eiaWhereFormalAction: 'not applicable', contactOnTime: 'not met' } }, // 3/4 = 75%
      { sampledAt: '2026-08-11' }, // not scored yet
    ])
    expect(trend.map((t) => [t.quarter, t.scored, t.averagePercent])).toEqual([['Q1 2026/27', 1, 75], ['Q2 2026/27', 2, 80]])
    expect(trend[1].byItem.contactOnTime).toBe(50)
  })
})
