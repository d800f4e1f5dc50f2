import { addDays, addMonths, differenceInCalendarDays, format, getDaysInMonth, parseISO } from 'date-fns'
import { ukDate, type WorkingCalendar } from '../workingDays'
import type { GroundChoice, RentPeriod, Tenancy } from './actions'
import { groundRule, regimeRule, type RegimeId, type RuleSet, type ServiceMethod } from './ruleSet'

/**
 * The dates a notice seeking possession states and starts. [LEGAL-NOTES §3]
 * Statutory notice periods run in calendar days; only the deemed-service rule (from the tenancy
 * agreement, a setting) counts working days. Every result carries the working in plain words so
 * the officer — and the legal team — can check how each date was reached.
 */
export interface NoticeDateInput {
  regimeId: RegimeId
  grounds: string[]
  tenancy: Tenancy
  /** The day the notice is handed over, posted or left at the property. */
  serviceDate: string
  method: ServiceMethod
  /** Working days after the act of service on which the notice is deemed served, per method. */
  deemedServiceWorkingDays: Record<ServiceMethod, number>
  calendar: WorkingCalendar
  ruleSet: RuleSet
}

export interface NoticeDates {
  deemedServedOn: string
  /** The date written in the notice: court proceedings will not begin until after it. */
  proceedingsFrom: string
  /** The last day court proceedings may be begun on this notice. */
  lastDayForProceedings: string
  explanation: string[]
  warnings: string[]
}

const iso = (d: Date) => format(d, 'yyyy-MM-dd')
const day = (s: string) => parseISO(s.slice(0, 10))

const periodDays: Record<Exclude<RentPeriod, 'monthly'>, number> = { weekly: 7, fortnightly: 14, 'four-weekly': 28 }

/** The first rent period that begins on or after `from`, as [start, next start). */
function firstPeriodStartingOnOrAfter(from: Date, period: RentPeriod, anchor: Date): { start: Date; next: (start: Date) => Date } {
  if (period === 'monthly') {
    // Monthly periods begin on the anchor's day of the month, or the month's last day when shorter.
    const anchorDay = anchor.getDate()
    const startIn = (year: number, month: number) => new Date(year, month, Math.min(anchorDay, getDaysInMonth(new Date(year, month, 1))))
    let start = startIn(from.getFullYear(), from.getMonth())
    if (start < from) start = startIn(from.getFullYear(), from.getMonth() + 1)
    return { start, next: (s) => startIn(s.getFullYear(), s.getMonth() + 1) }
  }
  const length = periodDays[period]
  const offset = differenceInCalendarDays(from, anchor)
  const periodsAhead = Math.ceil(offset / length)
  return { start: addDays(anchor, periodsAhead * length), next: (s) => addDays(s, length) }
}

/**
 * The earliest date a notice to quit served on `servedOn` could end a periodic tenancy: at least
 * 28 days counted from the day after service (Protection from Eviction Act 1977 s5; we count from
 * the day after service to stay on the safe side), at least one whole rent period, and ending on
 * the last day of a rent period (common law).
 */
export function noticeToQuitDate(servedOn: string, rentPeriod: RentPeriod, periodStartDate: string, minimumDays = 28): { date: string; working: string } {
  const served = day(servedOn)
  const earliest = addDays(served, minimumDays)
  const { start: firstStart, next } = firstPeriodStartingOnOrAfter(addDays(served, 1), rentPeriod, day(periodStartDate))
  let start = firstStart
  let end = addDays(next(start), -1)
  // A whole period must run inside the notice, so the first candidate period starts after service.
  while (end < earliest) {
    start = next(start)
    end = addDays(next(start), -1)
  }
  const working =
    `A notice to quit served on ${ukDate(servedOn)} must give at least 4 weeks (${minimumDays} days from the day after service, so not before ${ukDate(iso(earliest))}) ` +
    `and at least one whole ${rentPeriod} rent period, and must end on the last day of a rent period. ` +
    `Rent periods begin on ${rentPeriod === 'monthly' ? `day ${day(periodStartDate).getDate()} of each month` : `${format(day(periodStartDate), 'EEEE')}s (${rentPeriod})`}, ` +
    `so the first period that ends on or after that is ${ukDate(iso(start))} to ${ukDate(iso(end))}.`
  return { date: iso(end), working }
}

export function methodWords(method: ServiceMethod): string {
  return method === 'hand' ? 'by hand' : method === 'first-class post' ? 'by first-class post' : 'by leaving it at the property'
}

/** When a notice is treated as served, from the method and the tenancy agreement's rule. */
export function deemedServiceDate(serviceDate: string, method: ServiceMethod, workingDaysAfter: Record<ServiceMethod, number>, calendar: WorkingCalendar): { date: string; working: string; warning?: string } {
  const n = workingDaysAfter[method]
  if (n === 0) return { date: serviceDate.slice(0, 10), working: `Served ${methodWords(method)} on ${ukDate(serviceDate)}: treated as served that day.` }
  const result = calendar.addWorkingDays(serviceDate, n)
  const skipped: string[] = []
  for (let d = addDays(day(serviceDate), 1); iso(d) <= result.date; d = addDays(d, 1)) {
    const holiday = calendar.bankHoliday(iso(d))
    if (holiday) skipped.push(`${ukDate(iso(d))} (${holiday})`)
  }
  const working =
    `Served ${methodWords(method)} on ${ukDate(serviceDate)}: under the tenancy agreement's rule it is treated as served on the ${n === 1 ? 'first' : n === 2 ? 'second' : `${n}th`} working day after, ${ukDate(result.date)}` +
    (skipped.length ? ` (weekends and the bank holiday${skipped.length > 1 ? 's' : ''} ${skipped.join(', ')} do not count).` : ' (weekends and bank holidays do not count).')
  return { date: result.date, working, ...(result.warning ? { warning: result.warning } : {}) }
}

export function computeNoticeDates(input: NoticeDateInput): NoticeDates {
  const { ruleSet, tenancy } = input
  const regime = regimeRule(ruleSet, input.regimeId)
  const explanation: string[] = []
  const warnings: string[] = []
  if (input.grounds.length === 0) throw new Error('Choose at least one ground before working out the notice dates.')
  const rules = input.grounds.map((g) => groundRule(ruleSet, g))
  const offered = new Set(regime.grounds)
  for (const r of rules) if (!offered.has(r.id)) throw new Error(`${r.number} is not a ground under ${regime.title}.`)

  const served = deemedServiceDate(input.serviceDate, input.method, input.deemedServiceWorkingDays, input.calendar)
  explanation.push(served.working)
  if (served.warning) warnings.push(served.warning)
  const s = served.date
  const names = rules.map((r) => r.number).join(', ')

  const ntq = () => {
    if (tenancy.type !== 'periodic') throw new Error('notice to quit needs a periodic tenancy')
    const result = noticeToQuitDate(s, tenancy.rentPeriod, tenancy.periodStartDate, ruleSet.noticeToQuitMinimumDays)
    explanation.push(result.working)
    return result.date
  }
  const oneMonth = () => {
    const date = iso(addMonths(day(s), 1))
    explanation.push(`The tenancy is for a fixed term, so the date is one month after service: ${ukDate(date)}.`)
    return date
  }

  let proceedingsFrom: string
  if (input.regimeId === 'form3' || input.regimeId === 'form3a') {
    if (input.grounds.includes('14')) {
      // HA 1988 s8(4): with Ground 14 (alone or with others) proceedings may begin immediately.
      proceedingsFrom = s
      explanation.push(`${names}: because Ground 14 is relied on, proceedings may begin immediately (Housing Act 1988 s8(4)); the notice states the date of service, ${ukDate(s)}.`)
    } else if (input.grounds.includes('7A')) {
      // HA 1988 s8(3A)/(4A)-(4B) as inserted by ASBCPA 2014 s97: 7A periodic → notice-to-quit date; fixed term → one month.
      explanation.push(`${names}: Ground 7A without Ground 14 — the date may not be earlier than a notice to quit would end (periodic tenancy) or one month after service (fixed term).`)
      proceedingsFrom = tenancy.type === 'periodic' ? ntq() : oneMonth()
      if (input.grounds.some((g) => g === '12' || g === '17')) {
        const twoWeeks = iso(addDays(day(s), 14))
        if (twoWeeks > proceedingsFrom) proceedingsFrom = twoWeeks
        explanation.push(`Grounds 12/17 also need two weeks (until ${ukDate(twoWeeks)}); the later date applies.`)
      }
    } else {
      // HA 1988 s8(4B): grounds 12 and 17 without 14 — not earlier than two weeks after service.
      proceedingsFrom = iso(addDays(day(s), 14))
      explanation.push(`${names} without Ground 14: proceedings may not begin until two weeks after service, ${ukDate(proceedingsFrom)}.`)
    }
  } else if (input.regimeId === 's83') {
    if (input.grounds.includes('2')) {
      // HA 1985 s83(3)-(4): Ground 2 — proceedings may begin immediately.
      proceedingsFrom = s
      explanation.push(`${names}: because Ground 2 is relied on, proceedings may begin immediately (Housing Act 1985 s83); the notice states the date of service, ${ukDate(s)}.`)
    } else if (tenancy.type === 'periodic') {
      explanation.push(`${names} without Ground 2: the date may not be earlier than a notice to quit would end.`)
      proceedingsFrom = ntq()
    } else {
      warnings.push('A secure tenancy for a fixed term without Ground 2 is unusual: the one-month date below needs your legal team to confirm it (verify).')
      proceedingsFrom = oneMonth()
    }
  } else {
    // s83ZA: periodic → notice-to-quit date; fixed term → one month. [LEGAL-NOTES §3]
    explanation.push('Absolute ground notice (Housing Act 1985 s83ZA): the date may not be earlier than a notice to quit would end (periodic) or one month after service (fixed term).')
    proceedingsFrom = tenancy.type === 'periodic' ? ntq() : oneMonth()
    explanation.push(`The tenant may ask for a review of the decision within ${regime.reviewRequestDays ?? 7} days of service (Housing Act 1985 s85ZA).`)
  }

  const from = regime.lapseFrom === 'service' ? s : proceedingsFrom
  const lastDayForProceedings = iso(addDays(addMonths(day(from), regime.lapseMonths), -1))
  explanation.push(
    regime.lapseFrom === 'service'
      ? `Proceedings must begin within ${regime.lapseMonths} months of service, so on or before ${ukDate(lastDayForProceedings)}.`
      : `The notice lapses ${regime.lapseMonths} months after the date it states, so proceedings must begin on or before ${ukDate(lastDayForProceedings)}.`,
  )
  if (regime.verify) warnings.push(`${regime.title}: this rule needs local legal sign-off (verify).`)
  return { deemedServedOn: s, proceedingsFrom, lastDayForProceedings, explanation, warnings }
}

export interface ServiceDeadline {
  ground: string
  condition: number
  deadline: string
  working: string
  verify: boolean
}

/**
 * Ground 7A / s84A notices must be served within 12 months of the conviction or finding (3 months
 * of a closure order), counted from the end of any appeal when later. [LEGAL-NOTES §2; HA 1988 s8(3A)]
 * "Within the period of N months beginning with the day" — so the last day is one day before the
 * N-month anniversary.
 */
export function absoluteGroundDeadlines(grounds: GroundChoice[], ruleSet: RuleSet): { deadlines: ServiceDeadline[]; problems: string[] } {
  const deadlines: ServiceDeadline[] = []
  const problems: string[] = []
  for (const choice of grounds) {
    const rule = groundRule(ruleSet, choice.ground)
    if (!rule.conditions) continue
    const condition = rule.conditions.find((c) => c.id === choice.condition)
    if (!condition) {
      problems.push(`${rule.number}: choose which of conditions 1 to 5 is met.`)
      continue
    }
    if (!choice.conditionDate) {
      problems.push(`${rule.number}: enter the ${condition.dateLabel}.`)
      continue
    }
    const startsFrom = choice.appealEndedAt && choice.appealEndedAt > choice.conditionDate ? choice.appealEndedAt : choice.conditionDate
    const deadline = iso(addDays(addMonths(day(startsFrom), condition.deadlineMonths), -1))
    deadlines.push({
      ground: rule.number,
      condition: condition.id,
      deadline,
      verify: Boolean(condition.verify || rule.verify),
      working: `${rule.number}, condition ${condition.id}: the notice must be served within ${condition.deadlineMonths} months of ${startsFrom === choice.conditionDate ? `the ${condition.dateLabel}` : 'the end of the appeal'} (${ukDate(startsFrom)}), so by ${ukDate(deadline)}.${condition.verify ? ' (verify)' : ''}`,
    })
  }
  return { deadlines, problems }
}

/** Refusal text when a planned or actual deemed service date is after a 7A deadline; undefined when in time. */
export function missedServiceDeadline(deadlines: ServiceDeadline[], deemedServedOn: string): string | undefined {
  const missed = deadlines.find((d) => deemedServedOn > d.deadline)
  if (!missed) return undefined
  return `${missed.ground} cannot be relied on: the notice would be served on ${ukDate(deemedServedOn)}, after the service deadline of ${ukDate(missed.deadline)} (condition ${missed.condition}). Choose another ground or speak to your legal team.`
}
