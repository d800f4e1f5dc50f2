import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import {
  closeCase, previewClosureChecks, recordFollowUp, recordMaliciousInvestigation, recordMaliciousReview, recordSurveyAnswers,
  recordSurveyDeclined, recordSurveySent, reopenCase, type ClosureResult, type ReopenResult,
} from '@/data/repositories/closure'
import { storeDocument } from '@/data/repositories/documents'
import { readSettings } from '@/data/repositories/settings'
import { listUsers } from '@/data/repositories/users'
import type { CaseFile } from '@/domain/caseFile'
import type { ClosureCheck, ClosureRequest, FollowUpOutcome, SatisfactionScore } from '@/domain/closure'
import { closureSettings, defaultClosureSettings, type ClosureReason, type ClosureSettings } from '@/domain/settings/closure'
import { organisationSettings } from '@/domain/settings/organisation'
import { policySettings } from '@/domain/settings/policy'
import { sectionByKey } from '@/domain/settings/registry'
import type { UserProfile } from '@/domain/users'
import {
  buildClosureSummary, CLOSURE_SUMMARY_TEMPLATE_VERSION, closureSummaryDraft, closureSummaryFileName, recipientParty, reviewClosureSummary,
  type ClosureSummaryFacts, type ClosureSummaryParagraph, type ClosureSummaryReview,
} from '@/documents/closureSummary'
import { saveFile } from '@/platform'
import { useSessionStore } from './session'

/** Local date as YYYY-MM-DD (the officer's calendar day, not UTC). */
export function localToday(): string {
  const d = new Date()
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

/** Thin glue for the Closure tab: views ask here; the domain decides; the data layer enforces. */
export const useClosureStore = defineStore('closure', () => {
  const settings = ref<ClosureSettings>(defaultClosureSettings())
  const caseReview = ref({ threshold: 3, windowMonths: 6 })
  const checks = ref<ClosureCheck[]>([])
  const managers = ref<UserProfile[]>([])
  const summaryReview = shallowRef<ClosureSummaryReview | undefined>()
  const summaryDraft = ref<ClosureSummaryParagraph[]>([])

  async function load(): Promise<void> {
    settings.value = await readSettings(closureSettings)
    const policy = await readSettings(policySettings)
    caseReview.value = { threshold: policy.caseReview.threshold, windowMonths: policy.caseReview.windowMonths }
    managers.value = (await listUsers()).filter((u) => u.role === 'manager')
  }

  async function refreshChecks(caseId: string, request: ClosureRequest): Promise<ClosureCheck[]> {
    checks.value = await previewClosureChecks({ caseId, ...request })
    return checks.value
  }

  async function close(caseId: string, request: ClosureRequest): Promise<ClosureResult> {
    return closeCase({ caseId, ...request }, useSessionStore().userId)
  }

  async function recordInvestigation(caseId: string, text: string): Promise<void> {
    await recordMaliciousInvestigation({ caseId, text }, useSessionStore().userId)
  }

  async function recordReview(input: { caseId: string; reviewerId: string; passphrase: string; decision: 'agreed' | 'not agreed'; text: string }): Promise<void> {
    await recordMaliciousReview(input)
  }

  async function reopen(caseId: string, reopenedOn: string, reason: string): Promise<ReopenResult> {
    return reopenCase({ caseId, reopenedOn, reason }, useSessionStore().userId)
  }

  async function surveySent(surveyId: string, sentOn: string, method: string): Promise<void> {
    await recordSurveySent({ surveyId, sentOn, method }, useSessionStore().userId)
  }

  async function surveyAnswers(surveyId: string, answeredOn: string, answers: Record<string, SatisfactionScore>, comments: string): Promise<void> {
    await recordSurveyAnswers({ surveyId, answeredOn, answers, comments }, useSessionStore().userId)
  }

  async function surveyDeclined(surveyId: string, declinedOn: string): Promise<void> {
    await recordSurveyDeclined({ surveyId, declinedOn }, useSessionStore().userId)
  }

  async function followUp(followUpId: string, input: { doneOn: string; outcome: FollowUpOutcome; method: string; note: string }): Promise<void> {
    await recordFollowUp({ followUpId, ...input }, useSessionStore().userId)
  }

  /** Large-print size from the letters section when it is installed; the engine's default otherwise. */
  async function largePrintPt(): Promise<number | undefined> {
    const section = sectionByKey('letters')
    if (!section) return undefined
    const value = (await readSettings(section)) as { largePrintPt?: unknown }
    return typeof value.largePrintPt === 'number' ? value.largePrintPt : undefined
  }

  async function summaryFacts(file: CaseFile, recipientPersonId: string, reason: ClosureReason, edits: Record<string, string>): Promise<ClosureSummaryFacts> {
    const session = useSessionStore()
    const officer = session.user
    return {
      file,
      recipientPersonId,
      reason,
      settings: settings.value,
      caseReview: caseReview.value,
      organisation: await readSettings(organisationSettings),
      officer: { name: officer?.name ?? '', jobTitle: officer?.jobTitle, phone: officer?.phone, email: officer?.email },
      date: localToday(),
      edits,
      largePrintPt: await largePrintPt(),
    }
  }

  /** Recomputes the draft paragraphs, reading ease and flags for what the officer has typed. */
  async function reviewSummary(file: CaseFile, recipientPersonId: string, reason: ClosureReason, edits: Record<string, string>): Promise<ClosureSummaryReview> {
    const facts = await summaryFacts(file, recipientPersonId, reason, edits)
    summaryDraft.value = closureSummaryDraft(facts)
    summaryReview.value = reviewClosureSummary(facts)
    return summaryReview.value
  }

  /** Builds the .docx, stores it in the documents register (kind 'closure summary') and saves a copy. */
  async function saveSummary(file: CaseFile, recipientPersonId: string, reason: ClosureReason, edits: Record<string, string>): Promise<{ fileName: string }> {
    const facts = await summaryFacts(file, recipientPersonId, reason, edits)
    performance.mark('letter:build:start')
    // A fresh ArrayBuffer-backed copy: the register and the save bridge both take Uint8Array<ArrayBuffer>.
    const bytes = new Uint8Array(await buildClosureSummary(facts))
    performance.mark('letter:build:end')
    performance.measure('letter:build', 'letter:build:start', 'letter:build:end')
    const party = recipientParty(facts)
    const recipientName = [party.person.title, party.person.firstName, party.person.surname].filter(Boolean).join(' ')
    const fileName = closureSummaryFileName(file.case.ref, recipientName, facts.date)
    await storeDocument({
      caseId: file.case.id, kind: 'closure summary', title: `Closure summary to ${recipientName}`, recipientPersonId, recipientName, fileName, bytes,
      templateVersion: CLOSURE_SUMMARY_TEMPLATE_VERSION, ruleSetVersion: `closure-settings-v${closureSettings.version}`,
    }, useSessionStore().userId)
    await saveFile({ suggestedName: fileName, bytes })
    return { fileName }
  }

  return {
    settings, caseReview, checks, managers, summaryReview, summaryDraft,
    load, refreshChecks, close, recordInvestigation, recordReview, reopen, surveySent, surveyAnswers, surveyDeclined, followUp, reviewSummary, saveSummary,
  }
})
