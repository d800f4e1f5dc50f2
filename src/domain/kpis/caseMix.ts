import { riskBands } from '../cases'
import { openOn } from './nm01'
import { inPeriod, type ReportPeriod } from './periods'
import type { ReportingRules } from './reportingRules'
import { closuresIn, percentFigure, type Figure, type KpiAssessment, type KpiCase, type KpiTable } from './rows'
import { calendarDaysBetween } from './workingDayIndex'

function countBy<T>(items: T[], key: (item: T) => string): Map<string, number> {
  const out = new Map<string, number>()
  for (const item of items) out.set(key(item), (out.get(key(item)) ?? 0) + 1)
  return out
}

/** Volume opened and closed by category, every route included (routed-away reports shown as such). [002 §8.2] */
export function openedClosedByCategory(cases: KpiCase[], period: ReportPeriod): KpiTable {
  const opened = countBy(cases.filter((c) => inPeriod(c.openedAt, period)), (c) => c.category)
  const closed = new Map<string, number>()
  const route = new Map<string, string>()
  for (const c of cases) {
    route.set(c.category, c.route)
    const n = closuresIn(c, period).length
    if (n > 0) closed.set(c.category, (closed.get(c.category) ?? 0) + n)
  }
  const categories = [...new Set([...opened.keys(), ...closed.keys()])].sort((a, b) => (opened.get(b) ?? 0) - (opened.get(a) ?? 0) || a.localeCompare(b))
  return {
    id: 'opened-closed-by-category',
    title: 'Cases opened and closed, by category',
    columns: ['Category', 'Route', 'Opened', 'Closed'],
    rows: categories.map((cat) => [cat, route.get(cat) ?? '', opened.get(cat) ?? 0, closed.get(cat) ?? 0]),
    note: `Opened: cases opened ${period.label}. Closed: cases closed ${period.label}, whenever they were opened.`,
  }
}

/** Why cases closed in the period were closed. [001 §11.3–11.4] */
export function closureReasons(cases: KpiCase[], period: ReportPeriod): KpiTable {
  const closed = cases.flatMap((c) => closuresIn(c, period))
  const reasons = countBy(closed, (c) => c.reason || 'No reason recorded')
  return {
    id: 'closure-reasons',
    title: 'Closure reasons',
    columns: ['Reason', 'Cases', '% of closures'],
    rows: [...reasons.entries()].sort((a, b) => b[1] - a[1]).map(([reason, n]) => [reason, n, percentFigure(n, closed.length, '').value ?? 0]),
    note: `Closures ${period.label} (a case closed, reopened and closed again counts each time).`,
  }
}

/** Open caseload at the end of the period (or today, if sooner), by risk band and age. */
export function openCaseload(cases: KpiCase[], period: ReportPeriod, asOf: string, rules: ReportingRules): KpiTable {
  const day = period.to < asOf ? period.to : asOf
  const open = cases.filter((c) => openOn(c, day))
  const bandOf = (ageDays: number) => rules.openCaseAgeBands.find((b) => b.maxDays === undefined || ageDays <= b.maxDays)!.label
  const rows: (string | number)[][] = riskBands.map((band) => {
    const inBand = open.filter((c) => c.riskBand === band)
    const ages = countBy(inBand, (c) => bandOf(calendarDaysBetween(c.openedAt.slice(0, 10), day)))
    return [band, ...rules.openCaseAgeBands.map((b) => ages.get(b.label) ?? 0), inBand.length]
  })
  rows.push(['All bands', ...rules.openCaseAgeBands.map((_, i) => rows.reduce((sum, r) => sum + Number(r[i + 1]), 0)), open.length])
  return {
    id: 'open-caseload',
    title: 'Open caseload by risk band and age',
    columns: ['Risk band', ...rules.openCaseAgeBands.map((b) => b.label), 'Total'],
    rows,
    note: `Cases open on ${day}; age in calendar days since the case was opened.`,
  }
}

/** % of cases opened in the period with a vulnerability assessment recorded. [001 §15.3] */
export function vulnerabilityAssessed(cases: KpiCase[], assessments: KpiAssessment[], period: ReportPeriod): Figure {
  const assessed = new Set(assessments.filter((a) => a.kind === 'vulnerability').map((a) => a.caseId))
  const opened = cases.filter((c) => inPeriod(c.openedAt, period))
  return percentFigure(opened.filter((c) => assessed.has(c.id)).length, opened.length, `Cases opened ${period.label} with a vulnerability assessment recorded, out of all cases opened.`)
}
