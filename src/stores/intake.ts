import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { defaultCalendar } from '@/domain/calendarData'
import { acknowledgementDue, firstContactDue } from '@/domain/deadlines'
import { intakeSchema, type IntakeInput, type PersonRef } from '@/domain/intake'
import type { Person } from '@/domain/people'
import { assessRisk, type RiskScores } from '@/domain/riskMatrix'
import { defaultPolicy, riskFactors, type PolicySettings } from '@/domain/settings/policy'
import { routingSettings, type RoutingSettings } from '@/domain/settings/routingSettings'
import { policySettings } from '@/domain/settings/policy'
import { triageCategory, type TriageResult } from '@/domain/triage'
import type { RiskBand } from '@/domain/cases'
import { findDuplicateCases, localNow, localToday, submitReport, type DuplicateCandidate, type IntakeResult } from '@/data/repositories/cases'
import { readSettings } from '@/data/repositories/settings'
import { searchPeople } from '@/data/repositories/people'
import { useSessionStore } from './session'
import { useCalendarStore } from './calendar'

export interface IntakePreview {
  triage?: TriageResult
  band?: RiskBand
  reasons: string[]
  firstContactDue?: string
  acknowledgementDue?: string
  warnings: string[]
}

/** Glue for the New report form: settings, live triage/risk/deadline preview, people search, save. */
export const useIntakeStore = defineStore('intake', () => {
  const routing = shallowRef<RoutingSettings>(routingSettings.defaults())
  const policy = shallowRef<PolicySettings>(defaultPolicy())

  async function load(): Promise<void> {
    await useCalendarStore().ensureApplied()
    ;[routing.value, policy.value] = await Promise.all([readSettings(routingSettings), readSettings(policySettings)])
  }

  /** The schema the form validates with: the same one the repository enforces. */
  function schema() {
    return intakeSchema({ today: localToday(), now: localNow(), routing: routing.value })
  }

  /** What the officer will get: route, band and deadlines, recomputed as they fill the form. */
  function preview(input: Partial<IntakeInput>): IntakePreview {
    const triage = input.category ? triageCategory(routing.value, input.category) : undefined
    const out: IntakePreview = { triage, reasons: [], warnings: [] }
    const scores = input.risk as Partial<RiskScores> | undefined
    if (!triage || !scores || !riskFactors.every((f) => typeof scores[f] === 'number')) return out
    const risk = assessRisk({
      scores: scores as RiskScores, violence: Boolean(input.risk?.violence), categoryBand: triage.band,
      hateRelated: Boolean(input.hateRelated) || triage.hateRelated, domesticAbuse: Boolean(input.domesticAbuse) || triage.domesticAbuse,
    }, policy.value.riskMatrix)
    out.band = risk.band
    out.reasons = risk.reasons
    const reportedAt = input.reportedAt && /^\d{4}-\d{2}-\d{2}$/.test(input.reportedAt) ? input.reportedAt : localToday()
    const first = firstContactDue(reportedAt, risk.band, policy.value, defaultCalendar)
    const ack = acknowledgementDue(reportedAt, policy.value, defaultCalendar)
    out.firstContactDue = first.date
    out.acknowledgementDue = ack.date
    out.warnings = [...new Set([first.warning, ack.warning].filter((w): w is string => Boolean(w)))]
    return out
  }

  const duplicates = ref<DuplicateCandidate[]>([])
  async function checkDuplicates(input: { reporter?: PersonRef; perpetrators?: PersonRef[] }): Promise<DuplicateCandidate[]> {
    duplicates.value = await findDuplicateCases(input)
    return duplicates.value
  }

  async function findPeople(text: string): Promise<Person[]> {
    return searchPeople(text)
  }

  async function submit(input: IntakeInput, addToCaseId?: string): Promise<IntakeResult> {
    return submitReport(input, useSessionStore().userId, addToCaseId ? { addToCaseId } : {})
  }

  return { routing, policy, load, schema, preview, duplicates, checkDuplicates, findPeople, submit }
})
