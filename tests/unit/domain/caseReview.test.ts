import { describe, expect, it } from 'vitest'
import { caseReviewStatus } from '@/domain/caseReview'
import { defaultPolicy } from '@/domain/settings/policy'

const settings = defaultPolicy().caseReview
const report = (reportedAt: string, occurredAt = reportedAt, personId = 'victim') => ({ personId, reportedAt, occurredAt })

describe('ASB Case Review triggers', () => {
  it('one report: nothing to say yet', () => {
    const [s] = caseReviewStatus([report('2026-11-01')], '2026-11-23', settings)
    expect(s).toMatchObject({ qualifying: 1, mustTellAboutReview: false, reviewCanBeRequested: false })
  })

  it('a second report within six months: the victim must be told about the case review', () => {
    const [s] = caseReviewStatus([report('2026-07-01'), report('2026-11-20')], '2026-11-23', settings)
    expect(s).toMatchObject({ qualifying: 2, mustTellAboutReview: true, reviewCanBeRequested: false, tellDueFrom: '2026-11-20' })
    expect(s.message).toMatch(/tell the reporter about the ASB Case Review/)
  })

  it('a report older than six months does not count', () => {
    const [s] = caseReviewStatus([report('2026-05-01'), report('2026-11-20')], '2026-11-23', settings)
    expect(s.qualifying).toBe(1)
    expect(s.mustTellAboutReview).toBe(false)
  })

  it('three qualifying complaints in six months: a review can be requested', () => {
    const [s] = caseReviewStatus([report('2026-06-01'), report('2026-09-01'), report('2026-11-20')], '2026-11-23', settings)
    expect(s).toMatchObject({ qualifying: 3, reviewCanBeRequested: true })
    expect(s.message).toMatch(/ASB Case Review can be requested/)
  })

  it('follows a lower local threshold', () => {
    const [s] = caseReviewStatus([report('2026-09-01'), report('2026-11-20')], '2026-11-23', { ...settings, threshold: 2 })
    expect(s.reviewCanBeRequested).toBe(true)
  })

  it('a complaint made more than a month after the behaviour does not qualify', () => {
    const [s] = caseReviewStatus([report('2026-09-01'), report('2026-11-20', '2026-08-01'), report('2026-11-21')], '2026-11-23', settings)
    expect(s.qualifying).toBe(2)
    expect(s.reviewCanBeRequested).toBe(false)
  })

  it('counts each victim separately', () => {
    const out = caseReviewStatus([report('2026-10-01', undefined, 'a'), report('2026-11-01', undefined, 'b')], '2026-11-23', settings)
    expect(out.every((s) => !s.mustTellAboutReview)).toBe(true)
  })

  it('the policy setting refuses a threshold above the statutory maximum', async () => {
    const { policySchema } = await import('@/domain/settings/policy')
    const bad = { ...defaultPolicy(), caseReview: { ...settings, threshold: 4 } }
    expect(policySchema.safeParse(bad).error?.issues[0].message).toMatch(/no higher than 3/)
  })
})
