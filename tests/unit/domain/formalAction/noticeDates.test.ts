import { describe, expect, it } from 'vitest'
import { defaultCalendar } from '@/domain/calendarData'
import { absoluteGroundDeadlines, computeNoticeDates, missedServiceDeadline, noticeToQuitDate, shippedRuleSet, type NoticeDateInput, type Tenancy } from '@/domain/formalAction'

const weeklyFromMonday: Tenancy = { type: 'periodic', rentPeriod: 'weekly', periodStartDate: '2026-01-05' }
const monthlyFromFirst: Tenancy = { type: 'periodic', rentPeriod: 'monthly', periodStartDate: '2026-04-01' }
const fixedTerm: Tenancy = { type: 'fixed term', termStart: '2026-06-01', termEnd: '2027-05-31' }

function dates(over: Partial<NoticeDateInput>) {
  return computeNoticeDates({
    regimeId: 'form3', grounds: ['14'], tenancy: weeklyFromMonday, serviceDate: '2026-11-25', method: 'hand',
    deemedServiceWorkingDays: { hand: 0, 'first-class post': 2, 'left at property': 1 }, calendar: defaultCalendar, ruleSet: shippedRuleSet,
    ...over,
  })
}

describe('Form 3, Ground 14: proceedings may begin immediately', () => {
  it('served by hand: the notice states the service day and proceedings must begin within 12 months', () => {
    const d = dates({})
    expect(d).toMatchObject({ deemedServedOn: '2026-11-25', proceedingsFrom: '2026-11-25', lastDayForProceedings: '2027-11-24' })
    expect(d.explanation.join(' ')).toContain('Ground 14 is relied on, proceedings may begin immediately')
  })

  it('posted on Christmas Eve: Christmas Day, the weekend and the substitute Boxing Day do not count', () => {
    const d = dates({ serviceDate: '2026-12-24', method: 'first-class post' })
    // Fri 25 Dec (bank holiday), Sat, Sun, Mon 28 Dec (substitute) → Tue 29 is day 1, Wed 30 is day 2.
    expect(d.deemedServedOn).toBe('2026-12-30')
    expect(d.proceedingsFrom).toBe('2026-12-30')
    expect(d.lastDayForProceedings).toBe('2027-12-29')
    expect(d.explanation[0]).toContain('30 December 2026')
    expect(d.explanation[0]).toContain('28 December 2026')
  })

  it('Ground 14 with Ground 12 is still immediate', () => {
    expect(dates({ grounds: ['14', '12'] }).proceedingsFrom).toBe('2026-11-25')
  })
})

describe('Form 3, Ground 7A on a periodic tenancy: the notice-to-quit date', () => {
  it('weekly rent from Mondays: at least 28 days, ending on a Sunday', () => {
    // Earliest 28 days after 2 Nov is Mon 30 Nov; the period 30 Nov–6 Dec is the first to end after it.
    expect(dates({ grounds: ['7A'], serviceDate: '2026-11-02' }).proceedingsFrom).toBe('2026-12-06')
    expect(dates({ grounds: ['7A'], serviceDate: '2026-11-25' }).proceedingsFrom).toBe('2026-12-27')
  })

  it('monthly rent from the 1st: ends on the last day of a month, with one whole month inside the notice', () => {
    expect(dates({ grounds: ['7A'], tenancy: monthlyFromFirst, serviceDate: '2026-11-25' }).proceedingsFrom).toBe('2026-12-31')
    // Served 2 Dec: December has begun, so the first whole month in the notice is January.
    expect(dates({ grounds: ['7A'], tenancy: monthlyFromFirst, serviceDate: '2026-12-02' }).proceedingsFrom).toBe('2027-01-31')
  })

  it('monthly rent, posted over the Christmas bank holidays', () => {
    const d = dates({ grounds: ['7A'], tenancy: monthlyFromFirst, serviceDate: '2026-12-24', method: 'first-class post' })
    expect(d.deemedServedOn).toBe('2026-12-30')
    expect(d.proceedingsFrom).toBe('2027-01-31')
    expect(d.explanation.join(' ')).toMatch(/1 January 2027 to 31 January 2027/)
  })

  it('monthly periods starting on the 31st use the last day of shorter months', () => {
    // Periods begin 31 Jan, 28 Feb, 31 Mar… served 10 Feb 2027: earliest 10 Mar; the period 28 Feb–30 Mar ends after it.
    expect(noticeToQuitDate('2027-02-10', 'monthly', '2026-01-31').date).toBe('2027-03-30')
  })
})

describe('Form 3, other periods', () => {
  it('7A on a fixed term: one month after service (posting over the August bank holiday)', () => {
    expect(dates({ grounds: ['7A'], tenancy: fixedTerm }).proceedingsFrom).toBe('2026-12-25')
    const posted = dates({ grounds: ['7A'], tenancy: fixedTerm, serviceDate: '2026-08-28', method: 'first-class post' })
    expect(posted.deemedServedOn).toBe('2026-09-02')
    expect(posted.proceedingsFrom).toBe('2026-10-02')
  })

  it('Grounds 12 or 17 without 14: two weeks after service', () => {
    expect(dates({ grounds: ['12'] }).proceedingsFrom).toBe('2026-12-09')
    expect(dates({ grounds: ['17'], serviceDate: '2026-12-24', method: 'first-class post' }).proceedingsFrom).toBe('2027-01-13')
  })

  it('left at the property: the next working day by default', () => {
    expect(dates({ method: 'left at property', serviceDate: '2026-11-27' }).deemedServedOn).toBe('2026-11-30')
  })
})

describe('secure tenancies (Housing Act 1985)', () => {
  it('s83 Ground 2: immediate, and the notice lapses 12 months after', () => {
    const d = dates({ regimeId: 's83', grounds: ['2'] })
    expect(d).toMatchObject({ proceedingsFrom: '2026-11-25', lastDayForProceedings: '2027-11-24' })
    expect(d.explanation.join(' ')).toContain('lapses 12 months')
  })

  it('s83 Ground 2 posted over the Christmas bank holidays', () => {
    const d = dates({ regimeId: 's83', grounds: ['2'], serviceDate: '2026-12-24', method: 'first-class post' })
    expect(d).toMatchObject({ deemedServedOn: '2026-12-30', proceedingsFrom: '2026-12-30', lastDayForProceedings: '2027-12-29' })
  })

  it('s83 Ground 1 alone waits for the notice-to-quit date', () => {
    expect(dates({ regimeId: 's83', grounds: ['1'], serviceDate: '2026-11-02' }).proceedingsFrom).toBe('2026-12-06')
  })

  it('s83ZA on a periodic tenancy uses the notice-to-quit date and mentions the 7-day review', () => {
    const d = dates({ regimeId: 's83za', grounds: ['absolute'], serviceDate: '2026-11-02' })
    expect(d.proceedingsFrom).toBe('2026-12-06')
    expect(d.explanation.join(' ')).toContain('within 7 days')
  })

  it('refuses a ground the regime does not have', () => {
    expect(() => dates({ regimeId: 's83', grounds: ['14'] })).toThrow('Ground 14 is not a ground under')
  })
})

describe('Ground 7A service deadlines', () => {
  it('12 months from the conviction: a notice served after the deadline is refused', () => {
    const { deadlines } = absoluteGroundDeadlines([{ ground: '7A', limbs: [], clause: '', condition: 1, conditionDate: '2025-11-20' }], shippedRuleSet)
    expect(deadlines[0].deadline).toBe('2026-11-19')
    expect(missedServiceDeadline(deadlines, '2026-11-25')).toContain('after the service deadline of 19 November 2026')
    expect(missedServiceDeadline(deadlines, '2026-11-19')).toBeUndefined()
  })

  it('3 months from a closure order (condition 4), flagged for verification', () => {
    const { deadlines } = absoluteGroundDeadlines([{ ground: '7A', limbs: [], clause: '', condition: 4, conditionDate: '2026-08-20' }], shippedRuleSet)
    expect(deadlines[0]).toMatchObject({ deadline: '2026-11-19', verify: true })
    expect(missedServiceDeadline(deadlines, '2026-11-20')).toBeDefined()
  })

  it('an appeal that ended later restarts the clock', () => {
    const { deadlines } = absoluteGroundDeadlines([{ ground: '7A', limbs: [], clause: '', condition: 1, conditionDate: '2025-11-20', appealEndedAt: '2026-01-10' }], shippedRuleSet)
    expect(deadlines[0].deadline).toBe('2027-01-09')
    expect(missedServiceDeadline(deadlines, '2026-11-25')).toBeUndefined()
  })

  it('a missing condition or date is its own problem', () => {
    const { problems } = absoluteGroundDeadlines([{ ground: '7A', limbs: [], clause: '' }], shippedRuleSet)
    expect(problems).toEqual(['Ground 7A: choose which of conditions 1 to 5 is met.'])
  })
})
