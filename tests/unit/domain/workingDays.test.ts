import { describe, expect, it } from 'vitest'
import { defaultCalendar } from '@/domain/calendarData'
import { ukDate, WorkingCalendar } from '@/domain/workingDays'

// Hand-worked answers against a printed calendar. England & Wales bank holidays:
// 2026: Good Friday 3 Apr, Easter Monday 6 Apr, Christmas Fri 25 Dec, Boxing Day (substitute) Mon 28 Dec.
// 2027: New Year Fri 1 Jan, Good Friday 26 Mar, Easter Monday 29 Mar, Christmas (substitute) Mon 27 Dec,
//       Boxing Day (substitute) Tue 28 Dec. 2028: New Year (substitute) Mon 3 Jan.
describe('working days (England & Wales)', () => {
  const cal = defaultCalendar

  it('skips the weekend: Friday + 1 working day is Monday', () => {
    expect(cal.addWorkingDays('2026-11-20', 1).date).toBe('2026-11-23')
    expect(cal.addWorkingDays('2026-11-20', 5).date).toBe('2026-11-27')
  })

  it('a report made on a Saturday counts from the next working day', () => {
    expect(cal.addWorkingDays('2026-11-21', 1).date).toBe('2026-11-23')
  })

  it('skips Good Friday and Easter Monday 2026', () => {
    // Thu 2 Apr + 1 → Tue 7 Apr (Fri 3 Good Friday, weekend, Mon 6 Easter Monday)
    expect(cal.addWorkingDays('2026-04-02', 1).date).toBe('2026-04-07')
    expect(cal.isWorkingDay('2026-04-03')).toBe(false)
    expect(cal.isWorkingDay('2026-04-06')).toBe(false)
  })

  it('skips Good Friday and Easter Monday 2027', () => {
    // Thu 25 Mar 2027 + 3: Fri 26 (Good Friday), weekend, Mon 29 (Easter Monday), Tue 30, Wed 31, Thu 1 Apr
    expect(cal.addWorkingDays('2027-03-25', 3).date).toBe('2027-04-01')
  })

  it('Christmas 2026: Boxing Day falls on a Saturday, so Monday 28 December is the substitute day', () => {
    expect(cal.bankHoliday('2026-12-28')).toMatch(/Boxing Day/)
    // Thu 24 Dec + 1 → Tue 29 Dec
    expect(cal.addWorkingDays('2026-12-24', 1).date).toBe('2026-12-29')
    // Thu 24 Dec + 5 working days: 29, 30, 31 Dec, (1 Jan holiday), 4, 5 Jan
    expect(cal.addWorkingDays('2026-12-24', 5).date).toBe('2027-01-05')
  })

  it('Christmas 2027 falls at a weekend: substitute days Monday 27 and Tuesday 28 December', () => {
    expect(cal.isWorkingDay('2027-12-27')).toBe(false)
    expect(cal.isWorkingDay('2027-12-28')).toBe(false)
    // Fri 24 Dec 2027 + 1 → Wed 29 Dec
    expect(cal.addWorkingDays('2027-12-24', 1).date).toBe('2027-12-29')
  })

  it('New Year 2028 falls on a Saturday: Monday 3 January is the substitute day', () => {
    // Fri 31 Dec 2027 + 1 → Tue 4 Jan 2028
    expect(cal.addWorkingDays('2027-12-31', 1).date).toBe('2028-01-04')
  })

  it('counts working days between two dates, negative when the second is earlier', () => {
    expect(cal.workingDaysBetween('2026-12-24', '2027-01-05').days).toBe(5)
    expect(cal.workingDaysBetween('2027-01-05', '2026-12-24').days).toBe(-5)
  })

  it('warns, never guesses silently, when a date is outside the bank-holiday data', () => {
    const inside = cal.addWorkingDays('2026-11-20', 3)
    expect(inside.warning).toBeUndefined()
    const outside = cal.addWorkingDays('2028-12-29', 3)
    expect(outside.date).toBe('2029-01-03')
    expect(outside.warning).toMatch(/only known from 1 January 2024 to 31 December 2028/)
    const tiny = new WorkingCalendar({ division: 'test', coverage: { from: '2026-01-01', to: '2026-12-31' }, events: [] })
    expect(tiny.addWorkingDays('2026-12-30', 2).warning).toMatch(/outside that/)
  })

  it('refuses a negative or fractional number of days', () => {
    expect(() => cal.addWorkingDays('2026-11-20', -1)).toThrow(RangeError)
    expect(() => cal.addWorkingDays('2026-11-20', 1.5)).toThrow(RangeError)
  })

  it('writes dates the UK way', () => {
    expect(ukDate('2026-11-22')).toBe('22 November 2026')
  })
})
