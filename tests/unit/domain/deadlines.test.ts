import { describe, expect, it } from 'vitest'
import { defaultCalendar } from '@/domain/calendarData'
import { acknowledgementDue, caseDeadlines, firstContactDue, nextUpdateDue, todayHorizon } from '@/domain/deadlines'
import { defaultPolicy } from '@/domain/settings/policy'

const policy = defaultPolicy()

describe('first contact by band (seed 001 §6.4)', () => {
  // Report on Monday 23 November 2026.
  it.each([
    ['High', '2026-11-24'],
    ['Medium', '2026-11-26'],
    ['Standard', '2026-11-30'],
  ] as const)('%s → %s', (band, due) => {
    expect(firstContactDue('2026-11-23', band, policy, defaultCalendar).date).toBe(due)
  })

  it('follows the organisation setting, not a constant', () => {
    const stricter = { ...policy, firstContactWorkingDays: { High: 1, Medium: 2, Standard: 3 } }
    expect(firstContactDue('2026-11-23', 'Standard', stricter, defaultCalendar).date).toBe('2026-11-26')
  })

  it('a High report on Christmas Eve 2026 is due after the Christmas bank holidays', () => {
    expect(firstContactDue('2026-12-24', 'High', policy, defaultCalendar).date).toBe('2026-12-29')
  })
})

describe('acknowledgement and agreed updates', () => {
  it('acknowledgement within 5 working days (seed 001 §6.3)', () => {
    expect(acknowledgementDue('2026-11-23', policy, defaultCalendar).date).toBe('2026-11-30')
  })

  it('next update counts from the latest successful contact, ignoring failed attempts', () => {
    const contacts = [
      { at: '2026-11-25T10:00:00', successful: true },
      { at: '2026-11-27T10:00:00', successful: false },
    ]
    // 10 working days from Wed 25 Nov → Wed 9 Dec
    expect(nextUpdateDue(10, '2026-11-20', contacts, defaultCalendar).date).toBe('2026-12-09')
    expect(nextUpdateDue(10, '2026-11-20', [], defaultCalendar).date).toBe('2026-12-04')
  })

  it('the Today horizon is two working days ahead (Friday → Tuesday)', () => {
    expect(todayHorizon('2026-11-27', 2, defaultCalendar)).toBe('2026-12-01')
  })

  it('marks a missed first contact overdue while the case is open, and late once made after the due date', () => {
    const base = { status: 'open' as const, firstContactDue: '2026-11-24', acknowledgementDue: '2026-11-30' }
    const [first, ack] = caseDeadlines(base, '2026-11-25')
    expect(first).toMatchObject({ kind: 'first contact', overdue: true, late: true })
    expect(ack).toMatchObject({ kind: 'acknowledgement', overdue: false })
    const [madeLate] = caseDeadlines({ ...base, firstContactAt: '2026-11-25T09:00:00' }, '2026-11-26')
    expect(madeLate).toMatchObject({ overdue: false, late: true })
    const [closed] = caseDeadlines({ ...base, status: 'closed' }, '2026-11-26')
    expect(closed.overdue).toBe(false)
  })
})
