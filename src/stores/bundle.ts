import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import {
  addLegalNote, allocateExhibits, bundleFileBytes, legalNotesForCase, listBundles, loadBundleSources, resolveLegalNote, storeBundle,
  type BundleListing, type LegalNote,
} from '@/data/repositories/bundles'
import type { BundleManifest, BundleVerification } from '@/domain/bundle/manifest'
import type { RedactionEntry } from '@/domain/bundle/redaction'
import { defaultBundleWording, type BundleRecipient } from '@/domain/bundle/wording'
import { saveFile } from '@/platform'
import { useSessionStore } from './session'

export interface PreparedBundle {
  bundleId: string
  zipId: string
  recipient: BundleRecipient
  docxName: string
  zipName: string
  report: RedactionEntry[]
  manifest: BundleManifest
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** Copies into an ArrayBuffer-backed array: what the save bridge and Blob accept everywhere. */
function plainBytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const copy = new Uint8Array(new ArrayBuffer(bytes.byteLength))
  copy.set(bytes)
  return copy
}

/**
 * The legal case bundle: preparing it (with progress), downloading, the legal team's received
 * bundles and notes back to the officer, and verifying a received zip.
 */
export const useBundleStore = defineStore('bundle', () => {
  const building = ref(false)
  const progress = ref(0)
  const step = ref('')
  const error = ref('')
  const prepared = shallowRef<PreparedBundle | undefined>()
  const caseBundles = ref<BundleListing[]>([])
  const notes = ref<LegalNote[]>([])
  const received = ref<BundleListing[]>([])
  const receivedNotes = ref<Record<string, LegalNote[]>>({})

  async function loadForCase(caseId: string): Promise<void> {
    caseBundles.value = await listBundles({ caseId })
    notes.value = await legalNotesForCase(caseId)
  }

  /**
   * Numbers the exhibits, builds the bundle for the recipient, stores it and its parts. The
   * `bundle:build` measure covers everything the officer waits for (benchmark contract).
   */
  async function prepare(caseId: string, recipient: BundleRecipient, reliedOnIncidentIds: string[]): Promise<PreparedBundle | undefined> {
    const session = useSessionStore()
    building.value = true
    progress.value = 0
    step.value = 'Numbering exhibits'
    error.value = ''
    prepared.value = undefined
    try {
      // The bundle writer (docx with its page layout) is loaded only when a bundle is made, so
      // opening a case does not pay for it; loading the code once is not part of the build time.
      const { buildBundle, BUNDLE_TEMPLATE_VERSION } = await import('@/documents/bundle/bundleExport')
      performance.mark('bundle:build:start')
      await allocateExhibits(caseId, session.userId)
      const sources = await loadBundleSources(caseId)
      const built = await buildBundle({
        file: sources.file, staff: sources.staff, organisation: sources.organisation.name, recipient, reliedOnIncidentIds,
        preparedBy: session.user?.name ?? 'unknown', preparedAt: new Date().toISOString(), servedBytes: sources.servedBytes, evidenceBytes: sources.evidenceBytes,
      }, (fraction, label) => {
        progress.value = Math.round(fraction * 100)
        step.value = label
      })
      const stored = await storeBundle({
        caseId, recipient, templateVersion: BUNDLE_TEMPLATE_VERSION, ruleSetVersion: defaultBundleWording.version,
        docx: built.docx, zip: built.zip, parts: built.parts, redactionReport: built.assembled.report,
      }, session.userId)
      performance.mark('bundle:build:end')
      performance.measure('bundle:build', 'bundle:build:start', 'bundle:build:end')
      prepared.value = {
        bundleId: stored.bundle.id, zipId: stored.zip.id, recipient, docxName: stored.bundle.fileName, zipName: stored.zip.fileName,
        report: built.assembled.report, manifest: built.manifest,
      }
      await loadForCase(caseId)
      return prepared.value
    } catch (e) {
      error.value = messageOf(e)
      return undefined
    } finally {
      building.value = false
    }
  }

  /** Saves the exact stored bytes of a bundle file (officer or legal team). */
  async function download(documentId: string): Promise<void> {
    const file = await bundleFileBytes(documentId)
    if (!file) throw new Error('That bundle file is no longer on this computer.')
    await saveFile({ suggestedName: file.fileName, bytes: plainBytes(file.bytes) })
  }

  async function loadReceived(): Promise<void> {
    received.value = await listBundles()
    const byCase: Record<string, LegalNote[]> = {}
    for (const caseId of new Set(received.value.map((b) => b.caseId))) byCase[caseId] = await legalNotesForCase(caseId)
    receivedNotes.value = byCase
  }

  async function addNote(caseId: string, text: string, bundleId?: string): Promise<LegalNote> {
    const note = await addLegalNote({ caseId, text, bundleId }, useSessionStore().userId)
    receivedNotes.value = { ...receivedNotes.value, [caseId]: [note, ...(receivedNotes.value[caseId] ?? [])] }
    return note
  }

  async function resolveNote(noteId: string, caseId: string): Promise<void> {
    await resolveLegalNote(noteId, useSessionStore().userId)
    notes.value = await legalNotesForCase(caseId)
  }

  async function verify(file: Blob): Promise<BundleVerification> {
    const { verifyBundleZip } = await import('@/documents/bundle/bundleExport')
    return verifyBundleZip(new Uint8Array(await file.arrayBuffer()))
  }

  return { building, progress, step, error, prepared, caseBundles, notes, received, receivedNotes, loadForCase, prepare, download, loadReceived, addNote, resolveNote, verify }
})
