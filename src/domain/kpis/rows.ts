import type { RiskBand, Route } from '../cases'
import type { PartyRole } from '../parties'
import type { ProtectedCharacteristic } from '../people'

/**
 * The few fields each KPI needs, as plain rows. The data layer reads only these (reports over
 * 50,000 cases must stay under a second) and the domain functions below stay pure and testable
 * with hand-built fixtures.
 */
export interface KpiCase {
  id: string
  ref: string
  officerId: string
  category: string
  route: Route
  riskBand: RiskBand
  hateRelated: boolean
  status: 'open' | 'closed'
  openedAt: string
  firstContactDue: string
  acknowledgementDue: string
  firstContactAt?: string
  firstActionAt?: string
  closedAt?: string
  closureReason?: string
  /** When the first final acknowledgement letter was stored (documents feature). */
  acknowledgedAt?: string
  /** Every reopening (issue 7 appends the date to `AsbCase.reopenedAt`). */
  reopenedAt: string[]
  /** Every closure date known for the case, oldest first (the current one included). */
  closedDates: string[]
  /** Closures that were later reopened (closure keeps them in `pastClosures`), with their reasons. */
  pastClosures?: { closedAt: string; reason?: string }[]
}

const noClosures: { closedAt: string; reason?: string }[] = []

/**
 * Every closure of the case that fell in the period: earlier ones that were reopened as well as
 * the current one, so reopening a case does not make its closure vanish from the figures.
 */
export function closuresIn(c: KpiCase, period: { from: string; to: string }): { closedAt: string; reason?: string }[] {
  // Fast path for the usual case (never reopened): no arrays built for 50,000 rows.
  if (!c.pastClosures?.length) {
    if (c.status !== 'closed' || !c.closedAt) return noClosures
    const day = c.closedAt.slice(0, 10)
    return day >= period.from && day <= period.to ? [{ closedAt: c.closedAt, reason: c.closureReason }] : noClosures
  }
  const all = [...(c.pastClosures ?? []), ...(c.status === 'closed' && c.closedAt ? [{ closedAt: c.closedAt, reason: c.closureReason }] : [])]
  return all.filter((x) => x.closedAt.slice(0, 10) >= period.from && x.closedAt.slice(0, 10) <= period.to)
}

export interface KpiParty {
  caseId: string
  personId: string
  role: PartyRole
}

/** Protected characteristics of one person, present only when recorded with their consent. */
export interface KpiPersonCharacteristics {
  personId: string
  values: Partial<Record<ProtectedCharacteristic, string>>
}

export interface KpiAssessment {
  caseId: string
  kind: string
  formalActionId?: string
  completed: boolean
}

export interface KpiFormalAction {
  id: string
  caseId: string
  kind: string
  status: string
  createdAt: string
}

/** An acknowledgement letter generated for a case, and when it went out. */
export interface KpiAcknowledgement {
  caseId: string
  sentAt: string
}

export interface KpiSurvey {
  caseId: string
  answeredAt?: string
  tp12?: number
}

/**
 * One figure on the report, always with what it was worked out from, so a manager (or the
 * regulator) can check it by hand: `value` is null when there is nothing to divide by.
 */
export interface Figure {
  numerator: number
  denominator: number
  value: number | null
  unit: '%' | 'per 1,000 homes' | 'working days' | 'count'
  rule: string
}

export function percentFigure(numerator: number, denominator: number, rule: string): Figure {
  return { numerator, denominator, value: denominator === 0 ? null : round1((numerator / denominator) * 100), unit: '%', rule }
}

export function round1(n: number): number {
  return Math.round(n * 10) / 10
}

export function round2(n: number): number {
  return Math.round(n * 100) / 100
}

/** A table the screen shows, exports to CSV and writes into the board report. */
export interface KpiTable {
  id: string
  title: string
  columns: string[]
  rows: (string | number)[][]
  note?: string
}
