import { defineStore } from 'pinia'
import {
  addEvidence, checkEvidenceUnchanged, evidenceStorageUse, getEvidenceBlob, removeEvidence, type EvidenceStorageUse,
} from '@/data/repositories/evidence'
import { emailSummary, type EmailSummary, type EvidenceDetails, type EvidenceMeta } from '@/domain/evidence'
import { ValidationError } from '@/domain/validation'
import { saveFile } from '@/platform'
import { useCaseFileStore } from './caseFile'
import { useSessionStore } from './session'

export type AttachOutcome =
  | { fileName: string; added: true; evidence: EvidenceMeta }
  | { fileName: string; added: false; message: string }

/** Detail fields (source, captured at …) are the same for every file of a batch. */
const detailFields = new Set(['caseId', 'incidentId', 'source', 'capturedAt', 'note'])

/**
 * Glue between the evidence panel and the evidence repository. Previews use object URLs made
 * from the stored Blobs (the CSP allows blob: for images and media); they are revoked when the
 * panel goes away so large videos do not stay pinned in memory.
 */
export const useEvidenceStore = defineStore('evidence', () => {
  const objectUrls = new Map<string, string>()
  let profilesLoading: Promise<void> | undefined

  /**
   * Names for "added by": loaded once for the whole case page, not once per incident (a case can
   * have hundreds of incidents, each with its own evidence section).
   */
  async function ensureProfileNames(): Promise<void> {
    const session = useSessionStore()
    if (session.profiles.length > 0) return
    profilesLoading ??= session.loadProfiles().finally(() => {
      profilesLoading = undefined
    })
    await profilesLoading
  }

  /**
   * Adds files one at a time, so one refused file (empty, renamed, duplicate …) does not stop the
   * others; each gets its own outcome. A problem with the batch's details (e.g. no source chosen)
   * is the same for every file, so it is thrown once as a ValidationError for the form.
   */
  async function attach(files: File[], details: EvidenceDetails): Promise<AttachOutcome[]> {
    const by = useSessionStore().userId
    const outcomes: AttachOutcome[] = []
    try {
      for (const file of files) {
        try {
          const evidence = await addEvidence({ ...details, fileName: file.name, file }, by)
          outcomes.push({ fileName: file.name, added: true, evidence })
        } catch (error) {
          if (error instanceof ValidationError && error.problems.some((p) => detailFields.has(p.field))) throw error
          outcomes.push({ fileName: file.name, added: false, message: (error as Error).message })
        }
      }
    } finally {
      if (outcomes.some((o) => o.added)) await useCaseFileStore().reload()
    }
    return outcomes
  }

  async function remove(evidenceId: string, reason: string): Promise<EvidenceMeta> {
    const removed = await removeEvidence(evidenceId, reason, useSessionStore().userId)
    await useCaseFileStore().reload()
    return removed
  }

  /** A blob: URL for previewing a stored file (made once per file, then reused). */
  async function previewUrl(evidenceId: string): Promise<string | undefined> {
    const known = objectUrls.get(evidenceId)
    if (known) return known
    const blob = await getEvidenceBlob(evidenceId)
    if (!blob) return undefined
    const url = URL.createObjectURL(blob)
    objectUrls.set(evidenceId, url)
    return url
  }

  function releasePreviews(evidenceIds: string[]): void {
    for (const id of evidenceIds) {
      const url = objectUrls.get(id)
      if (url) URL.revokeObjectURL(url)
      objectUrls.delete(id)
    }
  }

  /** Saves a copy of the exact stored bytes (native save dialog on the desktop, a download in a browser). */
  async function saveCopy(evidence: Pick<EvidenceMeta, 'id' | 'fileName'>): Promise<boolean> {
    const blob = await getEvidenceBlob(evidence.id)
    if (!blob) throw new Error(`"${evidence.fileName}" is not stored on this computer.`)
    // The bridge accepts plain file names only; characters Windows forbids become "_".
    const suggestedName = Array.from(evidence.fileName, (c) => (c.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(c) ? '_' : c)).join('').replace(/^\.+$/, 'evidence')
    const result = await saveFile({ suggestedName, bytes: new Uint8Array(await blob.arrayBuffer()) })
    return result.saved
  }

  /** Sender, subject and date of a saved .eml, read from the stored file's header lines. */
  async function emailSummaryOf(evidenceId: string): Promise<EmailSummary | undefined> {
    const blob = await getEvidenceBlob(evidenceId)
    return blob ? emailSummary(new Uint8Array(await blob.slice(0, 64 * 1024).arrayBuffer())) : undefined
  }

  async function checkUnchanged(evidenceId: string) {
    return checkEvidenceUnchanged(evidenceId)
  }

  async function storageUse(): Promise<EvidenceStorageUse> {
    return evidenceStorageUse()
  }

  return { ensureProfileNames, attach, remove, previewUrl, releasePreviews, saveCopy, emailSummaryOf, checkUnchanged, storageUse }
})
