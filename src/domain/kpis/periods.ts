import { addDays, addMonths, differenceInCalendarDays, format, parseISO } from 'date-fns'
import { ukDate } from '../workingDays'
import { ValidationError } from '../validation'

/** A reporting period: whole days, both ends included. ISO dates (YYYY-MM-DD). */
export interface ReportPeriod {
  from: string
  to: string
  label: string
}

const isoDay = /^\d{4}-\d{2}-\d{2}$/

function iso(date: Date): string {
  return format(date, 'yyyy-MM-dd')
}

/**
 * Quarter `q` (1–4) of the reporting year that starts in `startYear`. With the default April start
 * (TSM returns run April–March), Q1 2026/27 is 1 April to 30 June 2026.
 */
export function reportingQuarter(startYear: number, q: 1 | 2 | 3 | 4, financialYearStartMonth = 4): ReportPeriod {
  const start = addMonths(new Date(startYear, financialYearStartMonth - 1, 1), (q - 1) * 3)
  const end = addDays(addMonths(start, 3), -1)
  const yearLabel = financialYearStartMonth === 1 ? String(startYear) : `${startYear}/${String(startYear + 1).slice(2)}`
  return { from: iso(start), to: iso(end), label: `Q${q} ${yearLabel} (${ukDate(iso(start))} to ${ukDate(iso(end))})` }
}

/** The whole reporting year starting in `startYear` (e.g. 2026/27: 1 April 2026 to 31 March 2027). */
export function reportingYear(startYear: number, financialYearStartMonth = 4): ReportPeriod {
  const start = new Date(startYear, financialYearStartMonth - 1, 1)
  const end = addDays(addMonths(start, 12), -1)
  const yearLabel = financialYearStartMonth === 1 ? String(startYear) : `${startYear}/${String(startYear + 1).slice(2)}`
  return { from: iso(start), to: iso(end), label: `Year ${yearLabel} (${ukDate(iso(start))} to ${ukDate(iso(end))})` }
}

/** The reporting quarter a day falls in. */
export function quarterContaining(isoDate: string, financialYearStartMonth = 4): ReportPeriod {
  const d = parseISO(isoDate.slice(0, 10))
  const monthsIn = (d.getMonth() - (financialYearStartMonth - 1) + 12) % 12
  const startYear = d.getMonth() >= financialYearStartMonth - 1 ? d.getFullYear() : d.getFullYear() - 1
  return reportingQuarter(startYear, (Math.floor(monthsIn / 3) + 1) as 1 | 2 | 3 | 4, financialYearStartMonth)
}

/** The last `count` reporting quarters up to and including the one containing `today`, newest first. */
export function recentQuarters(today: string, count: number, financialYearStartMonth = 4): ReportPeriod[] {
  const out: ReportPeriod[] = []
  let q = quarterContaining(today, financialYearStartMonth)
  for (let i = 0; i < count; i++) {
    out.push(q)
    q = quarterContaining(iso(addDays(parseISO(q.from), -1)), financialYearStartMonth)
  }
  return out
}

/** The reporting quarters a period touches, oldest first (for trend columns). */
export function quartersWithin(period: Pick<ReportPeriod, 'from' | 'to'>, financialYearStartMonth = 4): ReportPeriod[] {
  const out: ReportPeriod[] = []
  let q = quarterContaining(period.from, financialYearStartMonth)
  while (q.from <= period.to) {
    out.push(q)
    q = quarterContaining(iso(addDays(parseISO(q.to), 1)), financialYearStartMonth)
  }
  return out
}

/** Longest custom range the screen accepts: five years keeps a report readable and fast. */
export const maxCustomRangeDays = 5 * 366

/** A custom range typed by a manager: refused with a message on the field that is wrong. */
export function customPeriod(from: string, to: string): ReportPeriod {
  const problems = []
  if (!isoDay.test(from) || Number.isNaN(parseISO(from).getTime())) problems.push({ field: 'from', message: 'must be a date' })
  if (!isoDay.test(to) || Number.isNaN(parseISO(to).getTime())) problems.push({ field: 'to', message: 'must be a date' })
  if (problems.length === 0 && to < from) problems.push({ field: 'to', message: 'must be on or after the start date' })
  if (problems.length === 0 && differenceInCalendarDays(parseISO(to), parseISO(from)) > maxCustomRangeDays) {
    problems.push({ field: 'to', message: 'must be within five years of the start date' })
  }
  if (problems.length > 0) throw new ValidationError('The report period', problems)
  return { from, to, label: `${ukDate(from)} to ${ukDate(to)}` }
}

export function inPeriod(isoDate: string | undefined, period: Pick<ReportPeriod, 'from' | 'to'>): boolean {
  if (!isoDate) return false
  const day = isoDate.slice(0, 10)
  return day >= period.from && day <= period.to
}
