import { z } from 'zod'
import { routes } from '../cases'
import { partyRoles } from '../parties'
import shippedRules from '../../../resources/policy/reporting-rules.json'

/**
 * The counting rules behind every figure on the Reports screen. Data, not code: when the
 * regulator changes the Tenant Satisfaction Measures, or a landlord changes its KPI definitions,
 * the JSON in resources/policy changes and no view does. [POLICY-RULES §9]
 */
export const reportingRulesSchema = z.object({
  version: z.string().min(1),
  source: z.string().optional(),
  nm01: z.object({
    /** Routes whose reports are not ASB cases for NM01 (the landlord is not handling them as ASB). */
    excludedRoutes: z.array(z.enum(routes)),
    sameParty: z.string(),
  }),
  tp12: z.object({
    satisfiedScores: z.array(z.number().int().min(1).max(5)).min(1),
    scale: z.record(z.string(), z.string()),
  }),
  /** "Repeat incidents within 90 days of closure". [001 §15.3] */
  repeatWithinDays: z.number().int().min(1),
  /** Cells below this are suppressed so people cannot be identified. */
  smallCellThreshold: z.number().int().min(1),
  openCaseAgeBands: z.array(z.object({ label: z.string(), maxDays: z.number().int().min(0).optional() })).min(1),
  /** Formal actions that count as "enforcement actions taken" (not drafts, returns or withdrawals). */
  enforcementCountedStatuses: z.array(z.string()).min(1),
  victimRoles: z.array(z.enum(partyRoles)).min(1),
  perpetratorRoles: z.array(z.enum(partyRoles)).min(1),
  /** Regulatory reporting years run April to March; quarters follow them. */
  financialYearStartMonth: z.number().int().min(1).max(12),
})
export type ReportingRules = z.infer<typeof reportingRulesSchema>

export const defaultReportingRules: ReportingRules = reportingRulesSchema.parse(shippedRules)
