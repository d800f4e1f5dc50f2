import { acknowledgementsOnTime, averageWorkingDays, firstContactByBand } from './responseTimes'
import { closureReasons, openCaseload, openedClosedByCategory, vulnerabilityAssessed } from './caseMix'
import { enforcementActions, repeatsAfterClosure } from './enforcement'
import { characteristicTrends } from './equality'
import { nm01, type Nm01Result } from './nm01'
import type { ReportPeriod } from './periods'
import type { ReportingRules } from './reportingRules'
import type { Figure, KpiAcknowledgement, KpiAssessment, KpiCase, KpiFormalAction, KpiParty, KpiPersonCharacteristics, KpiSurvey, KpiTable } from './rows'
import { tp12 } from './satisfaction'
import { WorkingDayIndex } from './workingDayIndex'
import type { WorkingCalendar } from '../workingDays'

/** Everything the KPI report is worked out from (see the data layer's `readKpiInput`). */
export interface KpiInput {
  /** Every case open at any time in the period or opened/closed in it, whatever its officer. */
  cases: KpiCase[]
  parties: KpiParty[]
  assessments: KpiAssessment[]
  formalActions: KpiFormalAction[]
  acknowledgements: KpiAcknowledgement[]
  /** Surveys answered in the period, with the officer of their case. */
  surveys: (KpiSurvey & { officerId?: string })[]
  homesOwned: number
}

export interface KpiScope {
  period: ReportPeriod
  /** One officer's cases, or the whole organisation when undefined. */
  officerId?: string
  /** Today: first contacts and acknowledgements not yet due by then are "not yet due", not missed. */
  asOf: string
}

export interface HeadlineFigure extends Figure {
  id: string
  title: string
}

export interface KpiReport {
  scope: KpiScope
  rulesVersion: string
  headline: HeadlineFigure[]
  tables: KpiTable[]
  nm01: Nm01Result
}

/**
 * The whole KPI report for a period and scope. NM01 is a landlord-wide measure in the TSM return;
 * for one officer it counts that officer's cases against all homes (useful for comparing workload,
 * said so on screen), while the same-party check still looks across every officer's cases.
 */
export function kpiReport(input: KpiInput, scope: KpiScope, rules: ReportingRules, calendar: WorkingCalendar): KpiReport {
  const { period, officerId, asOf } = scope
  const mine = officerId ? input.cases.filter((c) => c.officerId === officerId) : input.cases
  const mineIds = new Set(mine.map((c) => c.id))
  const nm = nm01(input.cases, input.parties, input.homesOwned, period, rules)
  const countedMine = officerId ? nm.countedCaseIds.filter((id) => mineIds.has(id)) : nm.countedCaseIds
  const countedSet = new Set(countedMine)
  const hateMine = officerId ? mine.filter((c) => c.hateRelated && countedSet.has(c.id)).length : nm.nm01_2.numerator
  const per1000 = (n: number) => (input.homesOwned > 0 ? Math.round((n / input.homesOwned) * 100_000) / 100 : null)
  const nm01_1 = officerId ? { ...nm.nm01_1, numerator: countedMine.length, value: per1000(countedMine.length) } : nm.nm01_1
  const nm01_2 = officerId ? { ...nm.nm01_2, numerator: hateMine, value: per1000(hateMine) } : nm.nm01_2

  const earliest = mine.reduce((min, c) => (c.openedAt.slice(0, 10) < min ? c.openedAt.slice(0, 10) : min), period.from)
  const latest = [period.to, asOf].sort().at(-1)!
  const workingDays = new WorkingDayIndex(calendar, earliest, latest)

  const firstContact = firstContactByBand(mine, period, asOf)
  const averages = averageWorkingDays(mine, period, workingDays)
  const enforcement = enforcementActions(input.formalActions.filter((a) => mineIds.has(a.caseId)), input.assessments, period, rules)
  const satisfaction = tp12(officerId ? input.surveys.filter((s) => s.officerId === officerId) : input.surveys, period, rules)

  const headline: HeadlineFigure[] = [
    { id: 'nm01-1', title: 'NM01(1) ASB cases per 1,000 homes', ...nm01_1 },
    { id: 'nm01-2', title: 'NM01(2) hate-related ASB cases per 1,000 homes', ...nm01_2 },
    { id: 'tp12', title: 'TP12 satisfied with how ASB was handled', ...satisfaction.figure },
    { id: 'first-contact', title: 'First contact within target', ...firstContact.overall },
    { id: 'acknowledgements', title: 'Acknowledgements on time', ...acknowledgementsOnTime(mine, input.acknowledgements, period, asOf) },
    { id: 'to-first-action', title: 'Average working days to first action', ...averages.toFirstAction },
    { id: 'to-resolution', title: 'Average working days to resolution', ...averages.toResolution },
    { id: 'vulnerability', title: 'Cases with a vulnerability assessment', ...vulnerabilityAssessed(mine, input.assessments, period) },
    { id: 'eia', title: 'Enforcement actions with an EIA', ...enforcement.withEia },
    { id: 'repeats', title: `Repeat incidents within ${rules.repeatWithinDays} days of closure`, ...repeatsAfterClosure(mine, period, rules) },
  ]
  if (officerId) {
    for (const f of headline.slice(0, 2)) f.rule = `This officer's cases only (the TSM return counts the whole organisation). ${f.rule}`
  }
  return {
    scope,
    rulesVersion: rules.version,
    headline,
    tables: [
      firstContact.byBand,
      openedClosedByCategory(mine, period),
      closureReasons(mine, period),
      openCaseload(mine, period, asOf, rules),
      enforcement.byKind,
      satisfaction.table,
    ],
    nm01: nm,
  }
}

/** The equality tables, computed on request: special-category data is shown only when asked for. */
export function equalityReport(input: Pick<KpiInput, 'cases' | 'parties'> & { people: KpiPersonCharacteristics[] }, scope: KpiScope, rules: ReportingRules): KpiTable[] {
  const mine = scope.officerId ? input.cases.filter((c) => c.officerId === scope.officerId) : input.cases
  return characteristicTrends(mine, input.parties, input.people, scope.period, rules)
}

export function figureText(f: Figure): string {
  if (f.value === null) return 'No data'
  if (f.unit === '%') return `${f.value}%`
  if (f.unit === 'working days') return `${f.value} working day${f.value === 1 ? '' : 's'}`
  return f.value.toLocaleString('en-GB')
}
