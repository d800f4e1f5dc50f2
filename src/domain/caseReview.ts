import { addDays, format, parseISO, subMonths } from 'date-fns'
import type { PolicySettings } from './settings/policy'
import { ukDate } from './workingDays'

/**
 * ASB Case Review (formerly the Community Trigger, ASBCPA 2014 s104). A victim may ask for a
 * multi-agency review once the local threshold is met — no higher than three qualifying complaints
 * in six months. [001 §12.2–12.4, 000 §4] The landlord signposts and helps collate the logs.
 *
 * A complaint qualifies when it was reported within `reportWithinDays` of the behaviour (Home
 * Office statutory guidance: within one month).
 */
export interface ReportForReview {
  personId: string
  /** When the behaviour happened. */
  occurredAt: string
  /** When it was reported to us. */
  reportedAt: string
}

export interface CaseReviewStatus {
  personId: string
  /** Qualifying complaints by this person in the window ending today. */
  qualifying: number
  windowFrom: string
  /** A second report within the window: the victim must be told about the ASB Case Review. */
  mustTellAboutReview: boolean
  /** The local threshold is reached: a review can be requested. */
  reviewCanBeRequested: boolean
  /** When the notice became due: the date of the report that reached it. */
  tellDueFrom?: string
  message?: string
}

export function qualifies(report: ReportForReview, reportWithinDays: number): boolean {
  const latest = format(addDays(parseISO(report.occurredAt.slice(0, 10)), reportWithinDays), 'yyyy-MM-dd')
  return report.reportedAt.slice(0, 10) <= latest
}

export function caseReviewStatus(reports: ReportForReview[], today: string, settings: PolicySettings['caseReview']): CaseReviewStatus[] {
  const windowFrom = format(subMonths(parseISO(today.slice(0, 10)), settings.windowMonths), 'yyyy-MM-dd')
  const byPerson = new Map<string, string[]>()
  for (const r of reports) {
    const day = r.reportedAt.slice(0, 10)
    if (day < windowFrom || day > today.slice(0, 10) || !qualifies(r, settings.reportWithinDays)) continue
    byPerson.set(r.personId, [...(byPerson.get(r.personId) ?? []), day])
  }
  return [...byPerson.entries()].map(([personId, days]) => {
    days.sort()
    const qualifying = days.length
    const reviewCanBeRequested = qualifying >= settings.threshold
    const mustTellAboutReview = qualifying >= 2 || reviewCanBeRequested
    let message: string | undefined
    if (reviewCanBeRequested) {
      message = `${qualifying} qualifying complaints since ${ukDate(windowFrom)}: the local threshold (${settings.threshold} in ${settings.windowMonths} months) is met, so an ASB Case Review can be requested. Offer help to collate the incident logs.`
    } else if (mustTellAboutReview) {
      message = `${qualifying} reports since ${ukDate(windowFrom)}: tell the reporter about the ASB Case Review and how to ask for one.`
    }
    return {
      personId, qualifying, windowFrom, mustTellAboutReview, reviewCanBeRequested,
      ...(mustTellAboutReview ? { tellDueFrom: days[Math.min(1, days.length - 1)] } : {}),
      ...(message ? { message } : {}),
    }
  })
}
