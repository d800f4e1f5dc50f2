import { addDays, format, isWeekend, parseISO } from 'date-fns'

/**
 * Working-day arithmetic for policy deadlines: weekends and England & Wales bank holidays
 * (substitute days included) are not working days. [POLICY-RULES §3; LEGAL-NOTES §3]
 * Statutory notice periods run in calendar days and do not use this.
 *
 * The calendar is data (resources/bank-holidays-england-and-wales.json) with a stated coverage:
 * a date beyond it is reported as a warning, never silently guessed.
 */
export interface BankHolidayData {
  division: string
  coverage: { from: string; to: string }
  provenance?: string
  events: { date: string; title: string; notes?: string }[]
}

export interface WorkingDayResult {
  date: string
  /** Set when the calculation crossed a date the bank-holiday data does not cover. */
  warning?: string
}

export class WorkingCalendar {
  private holidays = new Map<string, string>()
  coverage: { from: string; to: string } = { from: '', to: '' }
  provenance = ''

  constructor(data: BankHolidayData) {
    this.load(data)
  }

  /**
   * Replaces the bank holidays (an imported, newer file from Settings). The shared calendar is
   * updated in place so every deadline computed afterwards uses the new data.
   */
  load(data: BankHolidayData): void {
    this.holidays = new Map(data.events.map((e) => [e.date, e.title]))
    this.coverage = { ...data.coverage }
    this.provenance = data.provenance ?? ''
  }

  get holidayCount(): number {
    return this.holidays.size
  }

  isCovered(isoDate: string): boolean {
    const day = isoDate.slice(0, 10)
    return day >= this.coverage.from && day <= this.coverage.to
  }

  bankHoliday(isoDate: string): string | undefined {
    return this.holidays.get(isoDate.slice(0, 10))
  }

  isWorkingDay(isoDate: string): boolean {
    const day = isoDate.slice(0, 10)
    return !isWeekend(parseISO(day)) && !this.holidays.has(day)
  }

  coverageWarning(isoDate: string): string | undefined {
    if (this.isCovered(isoDate)) return undefined
    return `Bank holidays are only known from ${ukDate(this.coverage.from)} to ${ukDate(this.coverage.to)}; ${ukDate(isoDate)} is outside that, so this date may be wrong. Update the bank-holiday data in Settings.`
  }

  /**
   * The date `n` working days after `fromIso` (the start day itself is day 0, so a report on a
   * Monday with a 1-working-day target is due on Tuesday).
   */
  addWorkingDays(fromIso: string, n: number): WorkingDayResult {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number of 0 or more, not ${n}`)
    let day = parseISO(fromIso.slice(0, 10))
    let warning = this.coverageWarning(fromIso)
    let left = n
    while (left > 0) {
      day = addDays(day, 1)
      const iso = format(day, 'yyyy-MM-dd')
      warning ??= this.coverageWarning(iso)
      if (this.isWorkingDay(iso)) left--
    }
    return { date: format(day, 'yyyy-MM-dd'), ...(warning ? { warning } : {}) }
  }

  /** Working days from `fromIso` (exclusive) to `toIso` (inclusive); negative when `toIso` is earlier. */
  workingDaysBetween(fromIso: string, toIso: string): WorkingDayResult & { days: number } {
    const from = fromIso.slice(0, 10)
    const to = toIso.slice(0, 10)
    const [start, end, sign] = from <= to ? [from, to, 1] : [to, from, -1]
    let day = parseISO(start)
    let days = 0
    let warning = this.coverageWarning(start) ?? this.coverageWarning(end)
    while (format(day, 'yyyy-MM-dd') < end) {
      day = addDays(day, 1)
      const iso = format(day, 'yyyy-MM-dd')
      warning ??= this.coverageWarning(iso)
      if (this.isWorkingDay(iso)) days++
    }
    return { date: to, days: days * sign, ...(warning ? { warning } : {}) }
  }
}

/** Dates in documents and on screen: "22 November 2026". [LEGAL-NOTES §3] */
export function ukDate(iso: string): string {
  return format(parseISO(iso.slice(0, 10)), 'd MMMM yyyy')
}

/** "22 November 2026 at 14:05" for times on screen. */
export function ukDateTime(iso: string): string {
  return format(parseISO(iso), "d MMMM yyyy 'at' HH:mm")
}
