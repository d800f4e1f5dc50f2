import { riskBands } from '../cases'
import { inPeriod, type ReportPeriod } from './periods'
import { closuresIn, percentFigure, round1, type Figure, type KpiAcknowledgement, type KpiCase, type KpiTable } from './rows'
import type { WorkingDayIndex } from './workingDayIndex'

/**
 * First contact within target, by risk band. [001 §6.4, 001 §15.3] A case is on time when the
 * first successful contact came on or before its first-contact deadline. Cases with no contact yet
 * count as missed once the deadline has passed (`asOf`), and are left out while still in time.
 */
export function firstContactByBand(cases: KpiCase[], period: ReportPeriod, asOf: string): { overall: Figure; byBand: KpiTable } {
  const opened = cases.filter((c) => inPeriod(c.openedAt, period))
  const rows: (string | number)[][] = []
  let onTimeAll = 0
  let decidedAll = 0
  for (const band of riskBands) {
    const inBand = opened.filter((c) => c.riskBand === band)
    const onTime = inBand.filter((c) => c.firstContactAt && c.firstContactAt.slice(0, 10) <= c.firstContactDue.slice(0, 10)).length
    const missed = inBand.filter((c) => (c.firstContactAt ? c.firstContactAt.slice(0, 10) > c.firstContactDue.slice(0, 10) : c.firstContactDue.slice(0, 10) < asOf)).length
    const pending = inBand.length - onTime - missed
    onTimeAll += onTime
    decidedAll += onTime + missed
    const pct = percentFigure(onTime, onTime + missed, '').value
    rows.push([band, onTime, missed, pending, pct === null ? '—' : pct])
  }
  return {
    overall: percentFigure(onTimeAll, decidedAll, `Cases opened ${period.label} whose first contact came on or before the deadline for their risk band, out of those contacted or past their deadline (cases still within their deadline are left out).`),
    byBand: { id: 'first-contact-by-band', title: 'First contact within target, by risk band', columns: ['Risk band', 'On time', 'Late or missed', 'Not yet due', '% on time'], rows },
  }
}

/**
 * Acknowledgements on time: an acknowledgement letter generated on or before the case's
 * acknowledgement deadline (5 working days — 001 §6.3). Missing letters count as late once the
 * deadline has passed.
 */
export function acknowledgementsOnTime(cases: KpiCase[], acknowledgements: KpiAcknowledgement[], period: ReportPeriod, asOf: string): Figure {
  const firstSent = new Map<string, string>()
  for (const a of acknowledgements) {
    const day = a.sentAt.slice(0, 10)
    const seen = firstSent.get(a.caseId)
    if (!seen || day < seen) firstSent.set(a.caseId, day)
  }
  let onTime = 0
  let decided = 0
  for (const c of cases) {
    if (!inPeriod(c.openedAt, period)) continue
    const due = c.acknowledgementDue.slice(0, 10)
    const sent = firstSent.get(c.id)
    if (sent && sent <= due) { onTime++; decided++ }
    else if (sent || due < asOf) decided++
  }
  return percentFigure(onTime, decided, `Cases opened ${period.label} with an acknowledgement letter generated on or before the acknowledgement deadline, out of those acknowledged or past the deadline.`)
}

function average(values: number[]): number | null {
  return values.length === 0 ? null : round1(values.reduce((a, b) => a + b, 0) / values.length)
}

/**
 * Average working days from opening to first action (cases opened in the period) and to
 * resolution (cases closed in the period). [001 §15.3] The first action is the case's recorded
 * first action, or its first successful contact when no action date was recorded.
 */
export function averageWorkingDays(cases: KpiCase[], period: ReportPeriod, workingDays: WorkingDayIndex): { toFirstAction: Figure; toResolution: Figure } {
  const firstAction = cases
    .filter((c) => inPeriod(c.openedAt, period) && (c.firstActionAt ?? c.firstContactAt))
    .map((c) => Math.max(0, workingDays.between(c.openedAt, (c.firstActionAt ?? c.firstContactAt)!)))
  const resolution = cases.flatMap((c) => closuresIn(c, period).map((x) => Math.max(0, workingDays.between(c.openedAt, x.closedAt))))
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)
  return {
    toFirstAction: { numerator: sum(firstAction), denominator: firstAction.length, value: average(firstAction), unit: 'working days', rule: `Total working days from opening to the first action (or first successful contact), over cases opened ${period.label} that have one. Weekends and bank holidays are not counted.` },
    toResolution: { numerator: sum(resolution), denominator: resolution.length, value: average(resolution), unit: 'working days', rule: `Total working days from opening to closure, over cases closed ${period.label}. Weekends and bank holidays are not counted.` },
  }
}
