import { describe, expect, it } from 'vitest'
import { defaultCalendar } from '@/domain/calendarData'
import { closureReasons, openCaseload, openedClosedByCategory, vulnerabilityAssessed } from '@/domain/kpis/caseMix'
import { enforcementActions, repeatsAfterClosure } from '@/domain/kpis/enforcement'
import { kpiReport } from '@/domain/kpis/report'
import { defaultReportingRules as rules } from '@/domain/kpis/reportingRules'
import { acknowledgementsOnTime, averageWorkingDays, firstContactByBand } from '@/domain/kpis/responseTimes'
import type { KpiAssessment, KpiFormalAction } from '@/domain/kpis/rows'
import { WorkingDayIndex } from '@/domain/kpis/workingDayIndex'
import { kcase, q2 } from './fixture'

describe('first contact within target, by band', () => {
  const cases = [
    kcase('h1', { riskBand: 'High', firstContactDue: '2026-07-07', firstContactAt: '2026-07-07T16:00:00' }), // on time (same day)
    kcase('h2', { riskBand: 'High', firstContactDue: '2026-07-07', firstContactAt: '2026-07-08T09:00:00' }), // a day late
    kcase('m1', { openedAt: '2026-09-25', firstContactDue: '2026-09-30' }), // no contact, deadline after asOf: not yet due
    kcase('m2', { firstContactDue: '2026-07-10' }), // no contact and deadline passed: missed
    kcase('s1', { riskBand: 'Standard', firstContactDue: '2026-07-08', firstContactAt: '2026-07-03T10:00:00' }), // on time
    kcase('old', { openedAt: '2026-06-30', firstContactDue: '2026-07-03' }), // opened before the period: ignored
  ]
  const { overall, byBand } = firstContactByBand(cases, q2, '2026-09-29')

  it('is on time / (on time + late or missed): 2 / 4 = 50%', () => {
    expect(overall).toMatchObject({ numerator: 2, denominator: 4, value: 50 })
  })

  it('breaks down by band: High 1 of 2, Medium 0 of 1 with 1 not yet due, Standard 1 of 1', () => {
    expect(byBand.rows).toEqual([['High', 1, 1, 0, 50], ['Medium', 0, 1, 1, 0], ['Standard', 1, 0, 0, 100]])
  })
})

describe('acknowledgements on time', () => {
  const cases = [
    kcase('a', { acknowledgementDue: '2026-07-08' }), // sent 7 July: on time
    kcase('b', { acknowledgementDue: '2026-07-08' }), // sent 9 July: late (and again on 2 July? no — first letter counts)
    kcase('c', { acknowledgementDue: '2026-07-08' }), // never sent, deadline passed: late
    kcase('d', { openedAt: '2026-09-28', acknowledgementDue: '2026-10-05' }), // not sent, not yet due: left out
  ]
  const acks = [{ caseId: 'a', sentAt: '2026-07-07T10:00:00Z' }, { caseId: 'b', sentAt: '2026-07-09T10:00:00Z' }, { caseId: 'b', sentAt: '2026-07-20T10:00:00Z' }]

  it('is 1 on time out of 3 decided = 33.3%', () => {
    expect(acknowledgementsOnTime(cases, acks, q2, '2026-09-30')).toMatchObject({ numerator: 1, denominator: 3, value: 33.3 })
  })
})

describe('average working days', () => {
  const index = new WorkingDayIndex(defaultCalendar, '2026-06-01', '2026-12-31')
  const cases = [
    // Fri 28 Aug → Tue 1 Sep 2026: Sat, Sun, Mon 31 Aug (summer bank holiday) are not working days → 1.
    kcase('x', { openedAt: '2026-08-28', firstActionAt: '2026-09-01T11:00:00' }),
    // Mon 6 Jul → Fri 10 Jul: 4 working days; closed Mon 20 Jul: 4 + 5 + 1 = 10 working days.
    kcase('y', { openedAt: '2026-07-06', firstContactAt: '2026-07-10T09:00:00', status: 'closed', closedAt: '2026-07-20', closedDates: ['2026-07-20'] }),
    kcase('z', { openedAt: '2026-07-06' }), // no first action yet: not averaged
  ]
  const { toFirstAction, toResolution } = averageWorkingDays(cases, q2, index)

  it('to first action: (1 + 4) / 2 = 2.5 working days', () => {
    expect(toFirstAction).toMatchObject({ numerator: 5, denominator: 2, value: 2.5 })
  })
  it('to resolution: 10 / 1 = 10 working days', () => {
    expect(toResolution).toMatchObject({ numerator: 10, denominator: 1, value: 10 })
  })
  it('agrees with the day-by-day working calendar across a whole year', () => {
    const year = new WorkingDayIndex(defaultCalendar, '2026-01-01', '2027-12-31')
    for (const [a, b] of [['2026-12-24', '2027-01-04'], ['2026-04-02', '2026-04-07'], ['2027-03-25', '2027-03-30'], ['2026-01-01', '2027-12-31']]) {
      expect(year.between(a, b)).toBe(defaultCalendar.workingDaysBetween(a, b).days)
    }
  })

  it('widens itself for dates outside the span it was built for, with the same answers', () => {
    const small = new WorkingDayIndex(defaultCalendar, '2026-07-01', '2026-07-31')
    expect(small.between('2026-12-24', '2027-01-04')).toBe(defaultCalendar.workingDaysBetween('2026-12-24', '2027-01-04').days)
    expect(small.between('2026-04-02', '2026-04-07')).toBe(defaultCalendar.workingDaysBetween('2026-04-02', '2026-04-07').days)
    expect(small.between('2026-07-06', '2026-07-10')).toBe(4)
  })
})

describe('vulnerability assessments', () => {
  it('is cases opened with one / cases opened: 1 / 4 = 25%', () => {
    const cases = ['a', 'b', 'c', 'd'].map((id) => kcase(id))
    const assessments: KpiAssessment[] = [{ caseId: 'a', kind: 'vulnerability', completed: true }, { caseId: 'b', kind: 'risk', completed: true }, { caseId: 'gone', kind: 'vulnerability', completed: true }]
    expect(vulnerabilityAssessed(cases, assessments, q2)).toMatchObject({ numerator: 1, denominator: 4, value: 25 })
  })
})

describe('enforcement actions and EIAs', () => {
  const action = (id: string, kind: string, status: string, createdAt = '2026-08-01'): KpiFormalAction => ({ id, caseId: 'c', kind, status, createdAt })
  const actions = [
    action('n1', 'NOSP', 'served'), // EIA completed → counts with EIA
    action('n2', 'NOSP', 'approved'), // no EIA
    action('i1', 'civil injunction referral', 'served'), // EIA started, not completed
    action('n3', 'NOSP', 'draft'), // not taken
    action('n4', 'NOSP', 'withdrawn'), // not taken
    action('n5', 'NOSP', 'served', '2026-06-01'), // before the period
  ]
  const assessments: KpiAssessment[] = [
    { caseId: 'c', kind: 'eia', formalActionId: 'n1', completed: true },
    { caseId: 'c', kind: 'eia', formalActionId: 'i1', completed: false },
    { caseId: 'c', kind: 'proportionality', formalActionId: 'n2', completed: true },
  ]
  const { byKind, withEia } = enforcementActions(actions, assessments, q2, rules)

  it('counts approved or served actions by type', () => {
    expect(byKind.rows).toEqual([['NOSP', 2, 1, 50], ['civil injunction referral', 1, 0, 0]])
  })
  it('is 1 with a completed EIA out of 3 = 33.3%', () => {
    expect(withEia).toMatchObject({ numerator: 1, denominator: 3, value: 33.3 })
  })
})

describe('repeat incidents within 90 days of closure', () => {
  it('counts reopenings in the period within 90 days of the previous closure: 1 of 2', () => {
    const cases = [
      kcase('g', { openedAt: '2026-03-01', closedDates: ['2026-05-01'], reopenedAt: ['2026-07-10'] }), // 70 days → repeat
      kcase('r', { openedAt: '2025-11-01', closedDates: ['2026-01-10'], reopenedAt: ['2026-08-15'] }), // 217 days → not
      kcase('e', { openedAt: '2025-11-01', closedDates: ['2025-12-01'], reopenedAt: ['2026-01-15'] }), // reopened before the period
    ]
    expect(repeatsAfterClosure(cases, q2, rules)).toMatchObject({ numerator: 1, denominator: 2, value: 1 })
  })
})

describe('case mix', () => {
  const cases = [
    kcase('1', { category: 'Verbal abuse', status: 'closed', closedAt: '2026-08-01', closedDates: ['2026-08-01'], closureReason: 'Actions completed' }),
    kcase('2', { category: 'Verbal abuse' }),
    kcase('3', { category: 'Dogs barking', openedAt: '2026-05-01', status: 'closed', closedAt: '2026-07-05', closedDates: ['2026-07-05'], closureReason: 'Insufficient evidence' }),
    kcase('4', { category: 'Dogs barking', status: 'closed', closedAt: '2026-09-01', closedDates: ['2026-09-01'], closureReason: 'Actions completed', riskBand: 'Standard' }),
    kcase('5', { category: 'Physical violence', riskBand: 'High', openedAt: '2026-04-01' }), // open 182 days on 30 Sept
    kcase('6', { category: 'Physical violence', riskBand: 'High', openedAt: '2026-09-20' }), // open 10 days on 30 Sept
  ]

  it('counts opened and closed by category', () => {
    expect(openedClosedByCategory(cases, q2).rows).toEqual([
      ['Verbal abuse', 'ASB team', 2, 1], ['Dogs barking', 'ASB team', 1, 2], ['Physical violence', 'ASB team', 1, 0],
    ])
  })

  it('lists closure reasons with their share: 2 of 3 actions completed = 66.7%', () => {
    expect(closureReasons(cases, q2).rows).toEqual([['Actions completed', 2, 66.7], ['Insufficient evidence', 1, 33.3]])
  })

  it('keeps the closure of a case that was later reopened', () => {
    // Closed 10 August (ASB ceased), then reopened 20 August: the closure still counts in Q2.
    const reopened = kcase('r', { openedAt: '2026-07-01', category: 'Dogs barking', reopenedAt: ['2026-08-20'], closedDates: ['2026-08-10'], pastClosures: [{ closedAt: '2026-08-10', reason: 'ASB ceased' }] })
    const withIt = [...cases, reopened]
    expect(closureReasons(withIt, q2).rows).toEqual([['Actions completed', 2, 50], ['Insufficient evidence', 1, 25], ['ASB ceased', 1, 25]])
    expect(openedClosedByCategory(withIt, q2).rows.find((r) => r[0] === 'Dogs barking')).toEqual(['Dogs barking', 'ASB team', 2, 3])
    // 1 July (Wed) → 10 August (Mon): July has 22 working days after the 1st (2–31 July), August 1–10 has 6 → 28.
    const index = new WorkingDayIndex(defaultCalendar, '2026-06-01', '2026-12-31')
    expect(averageWorkingDays([reopened], q2, index).toResolution).toMatchObject({ numerator: 28, denominator: 1, value: 28 })
  })

  it('shows the open caseload at the end of the period by band and age', () => {
    const table = openCaseload(cases, q2, '2026-11-25', rules)
    expect(table.columns).toEqual(['Risk band', 'Up to 28 days', '29 to 90 days', '91 to 180 days', 'Over 180 days', 'Total'])
    // Open on 30 Sept: case 2 (Medium, opened 1 July = 91 days), 5 (High, 182 days), 6 (High, 10 days).
    expect(table.rows).toEqual([['High', 1, 0, 0, 1, 2], ['Medium', 0, 0, 1, 0, 1], ['Standard', 0, 0, 0, 0, 0], ['All bands', 1, 0, 1, 1, 3]])
  })
})

describe('the whole report for one officer', () => {
  it('keeps to that officer\'s cases but still finds repeats across officers', () => {
    const cases = [
      kcase('1', { officerId: 'jo', openedAt: '2026-07-01' }),
      kcase('2', { officerId: 'sam', openedAt: '2026-07-05' }), // same person as Jo's open case: not counted
      kcase('3', { officerId: 'sam', openedAt: '2026-07-06', hateRelated: true }),
    ]
    const parties = [{ caseId: '1', personId: 'P', role: 'alleged perpetrator' as const }, { caseId: '2', personId: 'P', role: 'alleged perpetrator' as const }]
    const input = { cases, parties, assessments: [], formalActions: [], acknowledgements: [], surveys: [{ caseId: '3', answeredAt: '2026-08-01', tp12: 5, officerId: 'sam' }, { caseId: '1', answeredAt: '2026-08-01', tp12: 1, officerId: 'jo' }], homesOwned: 1000 }
    const sam = kpiReport(input, { period: q2, officerId: 'sam', asOf: '2026-11-25' }, rules, defaultCalendar)
    const byId = Object.fromEntries(sam.headline.map((f) => [f.id, f]))
    expect(byId['nm01-1']).toMatchObject({ numerator: 1, value: 1 })
    expect(byId['nm01-2']).toMatchObject({ numerator: 1, value: 1 })
    expect(byId['tp12']).toMatchObject({ numerator: 1, denominator: 1, value: 100 })
    expect(byId['nm01-1'].rule).toMatch(/This officer's cases only/)
    const org = kpiReport(input, { period: q2, asOf: '2026-11-25' }, rules, defaultCalendar)
    expect(org.headline.find((f) => f.id === 'nm01-1')).toMatchObject({ numerator: 2, value: 2 })
    expect(org.headline.find((f) => f.id === 'tp12')).toMatchObject({ numerator: 1, denominator: 2, value: 50 })
  })
})
