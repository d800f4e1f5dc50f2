import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { format } from 'date-fns'
import {
  decideFormalAction, gateState, generateNotice, planNotice, recordNoticeService, saveEia, saveFormalActionDetails, saveProportionality,
  startFormalAction, submitForApproval, withdrawFormalAction,
  type DecisionInput, type DetailsInput, type GateState, type NoticePlan, type NoticeRequest, type ServiceInput, type StartActionInput,
} from '@/data/repositories/formalActions'
import { getDocumentBytes } from '@/data/repositories/documents'
import { readSettings } from '@/data/repositories/settings'
import { enabledRegimes, kindsOffered, legalSettings, type LegalSettings } from '@/domain/settings/legal'
import { regimeFor, shippedRuleSet, type FormalAction, type FormalActionKind, type ServiceMethod } from '@/domain/formalAction'
import type { Tenure } from '@/domain/people'
import { saveFile } from '@/platform'
import { organisationSettings } from '@/domain/settings/organisation'
import { composeNotice } from '@/documents/notices/possessionNotice'
import { composeInjunctionReferral } from '@/documents/notices/injunctionReferral'
import { letterText } from '@/documents/letterEngine'
import { useSessionStore } from './session'
import { useCaseFileStore } from './caseFile'

export type { GateState, NoticePlan } from '@/data/repositories/formalActions'

/** Thin glue between the formal-action screens and the gate in the data layer. */
export const useFormalActionStore = defineStore('formalAction', () => {
  const legal = shallowRef<LegalSettings>()
  const state = shallowRef<GateState>()
  const busy = ref(false)
  const session = useSessionStore()
  const caseFile = useCaseFileStore()

  async function loadSettings(): Promise<LegalSettings> {
    legal.value = await readSettings(legalSettings)
    return legal.value
  }

  function offeredKinds(): FormalActionKind[] {
    return legal.value ? kindsOffered(legal.value, shippedRuleSet) : []
  }

  /** The notice regime for a tenure, or why there is none — shown before the action is started. */
  function regimeProblem(kind: FormalActionKind, tenure: Tenure | undefined): string | undefined {
    if (!legal.value) return undefined
    return regimeFor(kind, tenure, shippedRuleSet, enabledRegimes(legal.value, format(new Date(), 'yyyy-MM-dd'))).problem
  }

  async function open(actionId: string): Promise<void> {
    if (state.value?.action.id !== actionId) decisionMessage.value = ''
    if (!legal.value) await loadSettings()
    state.value = await gateState(actionId, undefined, legal.value)
  }

  async function afterChange(actionId: string): Promise<void> {
    await Promise.all([open(actionId), caseFile.reload()])
  }

  async function run<T>(actionId: string | undefined, work: () => Promise<T>): Promise<T> {
    busy.value = true
    try {
      const result = await work()
      const id = actionId ?? (result as unknown as FormalAction).id
      await afterChange(id)
      return result
    } finally {
      busy.value = false
    }
  }

  const start = (input: StartActionInput) => run(undefined, () => startFormalAction(input, session.userId))
  const saveDetails = (id: string, input: DetailsInput) => run(id, () => saveFormalActionDetails(id, input, session.userId))
  const saveProportionalityAnswers = (id: string, answers: unknown) => run(id, () => saveProportionality(id, answers, session.userId))
  const saveEiaAnswers = (id: string, answers: unknown) => run(id, () => saveEia(id, answers, session.userId))
  const submit = (id: string) => run(id, () => submitForApproval(id, session.userId))
  /** The outcome of the last decision recorded here: the review closes once decided, so the workspace shows it. */
  const decisionMessage = ref('')
  const decide = (id: string, input: DecisionInput) => run(id, async () => {
    const result = await decideFormalAction(id, input, session.userId)
    decisionMessage.value = result.status === 'approved' ? 'Approved. The officer can now generate the notice for service.'
      : result.status === 'returned' ? 'Returned to the officer with your reasons.' : 'Approval recorded; a second approval is still needed.'
    return result
  })
  const withdraw = (id: string, reason: string) => run(id, () => withdrawFormalAction(id, reason, session.userId))
  const recordService = (id: string, input: ServiceInput) => run(id, () => recordNoticeService(id, input, session.userId))

  function plan(action: FormalAction, serviceDate: string, method: ServiceMethod): NoticePlan | undefined {
    if (!legal.value || !action.tenancy || action.grounds.length === 0 || !/^\d{4}-\d{2}-\d{2}$/.test(serviceDate)) return undefined
    try {
      return planNotice(action, serviceDate, method, legal.value)
    } catch {
      return undefined
    }
  }

  /** Generates the notice (refused by the data layer unless the gate allows it) and saves a copy. */
  async function generate(id: string, request: NoticeRequest) {
    return run(id, async () => {
      performance.mark('letter:build:start')
      const meta = await generateNotice(id, request, session.userId)
      performance.mark('letter:build:end')
      performance.measure('letter:build', 'letter:build:start', 'letter:build:end')
      const bytes = await getDocumentBytes(meta.id)
      if (bytes) await saveFile({ suggestedName: meta.fileName, bytes: new Uint8Array(bytes) })
      return meta
    })
  }

  /**
   * The draft notice text as it would print today by hand, for the manager's review screen
   * (built from the same domain objects as the document itself).
   */
  async function previewText(action: FormalAction): Promise<{ paragraphs: string[]; problem?: string }> {
    const file = caseFile.file
    if (!file || !legal.value) return { paragraphs: [] }
    const organisation = await readSettings(organisationSettings)
    const officer = { name: session.user?.name ?? '', jobTitle: session.user?.jobTitle, phone: session.user?.phone, email: session.user?.email }
    const date = format(new Date(), 'yyyy-MM-dd')
    try {
      if (action.kind === 'civil injunction referral') {
        const composed = composeInjunctionReferral({ action, caseFile: file, organisation, officer, ruleSet: shippedRuleSet, draft: true, date, proportionality: state.value?.proportionality, eia: state.value?.eia })
        return { paragraphs: letterText(composed.input).paragraphs.map((p) => p.text) }
      }
      const planned = plan(action, date, 'hand')
      if (!planned) return { paragraphs: [], problem: 'Record the tenancy and the grounds to see the notice.' }
      const composed = composeNotice({ action, caseFile: file, organisation, officer, ruleSet: shippedRuleSet, dates: planned.dates, draft: action.status !== 'approved', date })
      return { paragraphs: letterText(composed.input).paragraphs.map((p) => p.text) }
    } catch (error) {
      return { paragraphs: [], problem: (error as Error).message }
    }
  }

  return { decisionMessage, previewText, legal, state, busy, loadSettings, offeredKinds, regimeProblem, open, start, saveDetails, saveProportionalityAnswers, saveEiaAnswers, submit, decide, withdraw, recordService, plan, generate }
})
