import { inPeriod, type ReportPeriod } from './periods'
import type { ReportingRules } from './reportingRules'
import { percentFigure, type Figure, type KpiAssessment, type KpiCase, type KpiFormalAction, type KpiTable } from './rows'
import { calendarDaysBetween } from './workingDayIndex'

/**
 * Enforcement actions by type, and % with a completed Equality Impact Assessment. [001 §10.3,
 * §15.3] An action counts when it reached a counted status (approved or served by default), dated
 * by when it was started.
 */
export function enforcementActions(actions: KpiFormalAction[], assessments: KpiAssessment[], period: ReportPeriod, rules: ReportingRules): { byKind: KpiTable; withEia: Figure } {
  const counted = actions.filter((a) => inPeriod(a.createdAt, period) && rules.enforcementCountedStatuses.includes(a.status))
  const eiaDone = new Set(assessments.filter((a) => a.kind === 'eia' && a.completed && a.formalActionId).map((a) => a.formalActionId!))
  const kinds = [...new Set(counted.map((a) => a.kind))].sort()
  const rows = kinds.map((kind) => {
    const ofKind = counted.filter((a) => a.kind === kind)
    const withEia = ofKind.filter((a) => eiaDone.has(a.id)).length
    return [kind, ofKind.length, withEia, percentFigure(withEia, ofKind.length, '').value ?? '—']
  })
  const withEia = counted.filter((a) => eiaDone.has(a.id)).length
  return {
    byKind: { id: 'enforcement', title: 'Enforcement actions by type', columns: ['Action', 'Actions', 'With a completed EIA', '% with EIA'], rows, note: `Formal actions started ${period.label} and ${rules.enforcementCountedStatuses.join(' or ')}.` },
    withEia: percentFigure(withEia, counted.length, `Formal actions started ${period.label} and ${rules.enforcementCountedStatuses.join(' or ')}, with a completed Equality Impact Assessment for that action, out of all such actions.`),
  }
}

/**
 * Repeat incidents within 90 days of closure: reopenings in the period that came within the
 * configured number of days after the case's previous closure. [001 §15.3, issue 7 reopening]
 */
export function repeatsAfterClosure(cases: KpiCase[], period: ReportPeriod, rules: ReportingRules): Figure {
  let reopenings = 0
  let repeats = 0
  for (const c of cases) {
    for (const reopened of c.reopenedAt) {
      if (!inPeriod(reopened, period)) continue
      reopenings++
      const day = reopened.slice(0, 10)
      const previous = c.closedDates.map((d) => d.slice(0, 10)).filter((d) => d <= day).sort().at(-1)
      if (previous && calendarDaysBetween(previous, day) <= rules.repeatWithinDays) repeats++
    }
  }
  return {
    numerator: repeats, denominator: reopenings, value: repeats, unit: 'count',
    rule: `Cases reopened ${period.label} within ${rules.repeatWithinDays} days of being closed, out of all reopenings in the period.`,
  }
}
