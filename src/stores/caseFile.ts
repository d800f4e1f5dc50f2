import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { loadCaseFile, type CaseFile } from '@/data/repositories/caseFile'
import { localToday, readPolicy, reassignOfficer, recordCaseReviewNotice, setContactFrequency } from '@/data/repositories/cases'
import { addIncident, editIncident, type IncidentInput } from '@/data/repositories/incidents'
import { recordContact, type ContactInput } from '@/data/repositories/contacts'
import { addAction, updateAction, type ActionInput } from '@/data/repositories/actions'
import { reassessRisk, recordVulnerabilityAssessment } from '@/data/repositories/assessments'
import { recordIntervention, recordInterventionReview, type InterventionInput, type InterventionReviewInput } from '@/data/repositories/interventions'
import { caseDeadlines } from '@/domain/deadlines'
import { caseReviewStatus } from '@/domain/caseReview'
import { defaultPolicy, type PolicySettings } from '@/domain/settings/policy'
import type { ActionItem } from '@/domain/caseRecords'
import { useSessionStore } from './session'
import { useCalendarStore } from './calendar'

/** The case open on screen. Panels read from here and call `reload()` after a change. */
export const useCaseFileStore = defineStore('caseFile', () => {
  const file = shallowRef<CaseFile | undefined>()
  const notFound = ref(false)
  const loading = ref(false)
  const policy = shallowRef<PolicySettings>(defaultPolicy())
  const today = ref(localToday())

  async function open(caseId: string): Promise<void> {
    loading.value = true
    await useCalendarStore().ensureApplied()
    performance.mark('case:open:start')
    try {
      const [loadedFile, loadedPolicy] = await Promise.all([loadCaseFile(caseId), readPolicy()])
      file.value = loadedFile
      policy.value = loadedPolicy
      today.value = localToday()
      notFound.value = file.value === undefined
    } finally {
      loading.value = false
      performance.mark('case:open:end')
      performance.measure('case:open', 'case:open:start', 'case:open:end')
    }
  }

  async function reload(): Promise<void> {
    if (file.value) await open(file.value.case.id)
  }

  const by = () => useSessionStore().userId
  const caseId = () => {
    if (!file.value) throw new Error('No case is open.')
    return file.value.case.id
  }
  /** Runs a write for the open case, then re-reads the file so every panel sees it. */
  async function write<T>(work: () => Promise<T>): Promise<T> {
    const result = await work()
    await reload()
    return result
  }

  const deadlines = computed(() => {
    if (!file.value) return []
    const ack = file.value.case.acknowledgedAt ?? file.value.documents.filter((d) => d.kind === 'acknowledgement').map((d) => d.createdAt).sort()[0]
    return caseDeadlines(file.value.case, today.value, ack)
  })

  const caseReview = computed(() => {
    if (!file.value) return []
    const reports = file.value.incidents.filter((i) => i.reportedBy).map((i) => ({ personId: i.reportedBy!, occurredAt: i.occurredAt, reportedAt: i.reportedAt ?? i.createdAt }))
    return caseReviewStatus(reports, today.value, policy.value.caseReview)
      .filter((s) => s.mustTellAboutReview)
      .map((s) => ({ ...s, noticeGiven: Boolean(file.value?.case.caseReviewNoticeGivenAt && file.value.case.caseReviewNoticeGivenAt >= s.tellDueFrom!) }))
  })

  return {
    file, notFound, loading, policy, today, deadlines, caseReview, open, reload,
    addIncident: (input: Omit<IncidentInput, 'caseId'>) => write(() => addIncident({ ...input, caseId: caseId() }, by())),
    editIncident: (id: string, input: Parameters<typeof editIncident>[1]) => write(() => editIncident(id, input, by())),
    recordContact: (input: Omit<ContactInput, 'caseId'>) => write(() => recordContact({ ...input, caseId: caseId() }, by())),
    addAction: (input: Omit<ActionInput, 'caseId'>) => write(() => addAction({ ...input, caseId: caseId() }, by())),
    updateAction: (id: string, input: Partial<Pick<ActionItem, 'status' | 'due' | 'agreedWithReporterAt' | 'note'>>) => write(() => updateAction(id, input, by())),
    recordIntervention: (input: Omit<InterventionInput, 'caseId'>) => write(() => recordIntervention({ ...input, caseId: caseId() }, by())),
    reviewIntervention: (input: InterventionReviewInput) => write(() => recordInterventionReview(input, by())),
    reassessRisk: (input: Parameters<typeof reassessRisk>[1]) => write(() => reassessRisk(caseId(), input, by())),
    recordVulnerability: (input: Parameters<typeof recordVulnerabilityAssessment>[1]) => write(() => recordVulnerabilityAssessment(caseId(), input, by())),
    reassign: (officerId: string, reason: string) => write(() => reassignOfficer(caseId(), { officerId, reason }, by())),
    setContactFrequency: (input: Parameters<typeof setContactFrequency>[1]) => write(() => setContactFrequency(caseId(), input, by())),
    recordCaseReviewNotice: (givenAt: string) => write(() => recordCaseReviewNotice(caseId(), givenAt, by())),
  }
})
