import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { format } from 'date-fns'
import { getDocument, getDocumentBytes, listDocuments, markServed, storeDocument, type DocumentFilters, type DocumentListing, type DocumentMeta, type ServiceMethod} from '@/data/repositories/documents'
import { readSettings } from '@/data/repositories/settings'
import type { CaseFile } from '@/domain/caseFile'
import { letterSettings, type LetterSettings } from '@/domain/settings/letters'
import { organisationSettings, type OrganisationSettings } from '@/domain/settings/organisation'
import { policySettings } from '@/domain/settings/policy'
import { defaultCalendar } from '@/domain/calendarData'
import { PolicyRefusal } from '@/domain/validation'
import { letterIntervention, previewLetter, produceLetter, type LetterContext, type LetterFacts, type LetterPreview } from '@/documents/letters/letterCatalogue'
import { saveFile } from '@/platform'
import { useSessionStore } from './session'

export type { LetterFacts, LetterPreview } from '@/documents/letters/letterCatalogue'
export type { DocumentListing, DocumentMeta, ServiceMethod } from '@/data/repositories/documents'

function localToday(): string {
  return format(new Date(), 'yyyy-MM-dd')
}

/** Thin glue between the letter screens and the documents layer. */
export const useDocumentsStore = defineStore('documents', () => {
  const organisation = shallowRef<OrganisationSettings>(organisationSettings.defaults())
  const letters = shallowRef<LetterSettings>(letterSettings.defaults())
  const caseReview = shallowRef<LetterContext['caseReview']>()
  const register = shallowRef<DocumentListing[]>([])
  const loadingRegister = ref(false)

  async function loadSettings(): Promise<void> {
    const [org, lettersValue, policy] = await Promise.all([readSettings(organisationSettings), readSettings(letterSettings), readSettings(policySettings)])
    organisation.value = org
    letters.value = lettersValue
    caseReview.value = { threshold: policy.caseReview.threshold, windowMonths: policy.caseReview.windowMonths, localAuthorityLink: policy.caseReview.localAuthorityLink }
  }

  function context(caseFile: CaseFile, date = localToday()): LetterContext {
    const user = useSessionStore().user
    return {
      organisation: organisation.value,
      settings: letters.value,
      caseFile,
      date,
      caseReview: caseReview.value,
      officer: { name: user?.name ?? '', jobTitle: user?.jobTitle, phone: user?.phone, email: user?.email },
    }
  }

  function preview(facts: LetterFacts, caseFile: CaseFile): LetterPreview {
    return previewLetter(facts, context(caseFile))
  }

  /** A date `n` working days from today (reply-by dates in letters). */
  function workingDaysFromToday(n: number): string {
    return defaultCalendar.addWorkingDays(localToday(), n).date
  }

  /**
   * Produces the letter (guard and missing facts checked again on the finished text), hands the
   * bytes to the save dialog or download, then stores them with their hash in the register.
   * Cancelling the save dialog stores nothing.
   */
  async function saveLetter(facts: LetterFacts, caseFile: CaseFile): Promise<DocumentMeta | undefined> {
    const session = useSessionStore()
    if (!session.hasRole('officer', 'manager', 'administrator')) throw new PolicyRefusal('Letters are produced by officers and managers; the legal role cannot change case records.')
    const ctx = context(caseFile)
    performance.mark('letter:build:start')
    const produced = await produceLetter(facts, ctx)
    performance.mark('letter:build:end')
    performance.measure('letter:build', 'letter:build:start', 'letter:build:end')
    const saved = await saveFile({ suggestedName: produced.fileName, bytes: produced.bytes })
    if (!saved.saved) return undefined
    return storeDocument({
      caseId: caseFile.case.id,
      kind: produced.composed.kind,
      title: produced.composed.title,
      recipientPersonId: produced.composed.recipientPersonId,
      recipientName: produced.composed.recipientName,
      fileName: produced.fileName,
      bytes: produced.bytes,
      templateVersion: produced.templateVersion,
      ruleSetVersion: letters.value.contentVersion,
      draft: false,
    }, session.userId, undefined, { intervention: letterIntervention(facts, ctx.date) })
  }

  async function loadRegister(filters: DocumentFilters = {}): Promise<void> {
    loadingRegister.value = true
    try {
      register.value = await listDocuments(filters)
    } finally {
      loadingRegister.value = false
    }
  }

  /** The stored bytes, unchanged, through the same save dialog or download. */
  async function downloadAgain(id: string): Promise<void> {
    const [meta, bytes] = await Promise.all([getDocument(id), getDocumentBytes(id)])
    if (!meta || !bytes) throw new Error('That document is no longer in the register.')
    // A copy of the stored bytes: same content, a buffer the bridge accepts.
    await saveFile({ suggestedName: meta.fileName, bytes: new Uint8Array(bytes) })
  }

  async function recordServed(id: string, date: string, method: ServiceMethod): Promise<DocumentMeta> {
    return markServed(id, { date, method, by: useSessionStore().userId })
  }

  return { localToday, organisation, letters, register, loadingRegister, loadSettings, context, preview, workingDaysFromToday, saveLetter, loadRegister, downloadAgain, recordServed }
})
