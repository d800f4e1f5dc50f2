import { z } from 'zod'
import type { CaseFile } from '@/domain/caseFile'
import type { DocumentRecord } from '@/domain/caseRecords'
import { allocateExhibitNumbers, bundleDocumentKinds, exhibitCandidates } from '@/domain/bundle/exhibits'
import { isApprovedFormalAction } from '@/domain/bundle/formalActionRecord'
import { sha256Hex } from '@/domain/bundle/manifest'
import type { StaffDirectory } from '@/domain/bundle/names'
import type { RedactionEntry } from '@/domain/bundle/redaction'
import { bundleRecipients, type BundleRecipient } from '@/domain/bundle/wording'
import { organisationSettings, type OrganisationSettings } from '@/domain/settings/organisation'
import type { TodayItem } from '@/domain/today'
import { initialsOf } from '@/domain/users'
import { parseOrRefuse, PolicyRefusal, ValidationError } from '@/domain/validation'
import { requireRole } from '../authz'
import { db, type LooseRow, type WorkstationDatabase } from '../db'
import { auditedWrite, newId, nowIso } from '../write'
import { loadCaseFile } from './caseFile'
import { storeDocumentSchema, type DocumentMeta } from './documents'
import { readSettings } from './settings'

/**
 * The legal bundle's data: exhibit numbers (given once, stored on the document or evidence row),
 * the stored bundle and its parts, and the legal team's notes back to the officer.
 * Case-record writers are officers, managers and administrators; the legal role reads, and writes
 * only its own notes. [issue 8; contracts: the legal role never edits case records]
 */
const caseWriters = ['officer', 'manager', 'administrator'] as const

/**
 * A record id as the stores pass it. Checked before any Table.get: IndexedDB throws a DataError
 * (or Dexie a TypeError) on a key that is not a string, which would reach the officer as a crash.
 */
const recordId = z.string({ message: 'must be a record id' }).min(1, 'is required').max(200, 'is not a record id')

async function requireApprovedFormalAction(d: WorkstationDatabase, caseId: string): Promise<LooseRow> {
  const found = await d.cases.get(caseId)
  if (!found) throw new ValidationError('The case bundle', [{ field: 'caseId', message: 'no such case' }])
  const actions = await d.formalActions.where('caseId').equals(caseId).toArray()
  const approved = actions.filter(isApprovedFormalAction)
  // Only an approved action can go to the lawyers: the gate and the manager's check come first. [003 §5.3, LEGAL-NOTES §4]
  if (!approved.length) throw new PolicyRefusal(`A case bundle can only be prepared for a case with an approved formal action; ${found.ref} has none yet.`)
  return approved[approved.length - 1]
}

/**
 * Gives every served document and current evidence file on the case an exhibit number if it has
 * none, in date order, after the highest number already given. Existing numbers never change.
 */
export async function allocateExhibits(caseId: string, by: string, database: WorkstationDatabase = db): Promise<Map<string, string>> {
  parseOrRefuse(z.object({ caseId: recordId }), { caseId }, 'The exhibit numbers')
  return auditedWrite(by, (d) => [d.cases, d.documents, d.evidence, d.formalActions, d.users], async ({ database: d, audit }) => {
    await requireRole(by, [...caseWriters], 'Numbering exhibits', d)
    await requireApprovedFormalAction(d, caseId)
    const theCase = (await d.cases.get(caseId))!
    const officer = await d.users.get(theCase.officerId)
    const initials = officer?.initials || initialsOf(officer?.name ?? 'Case Officer')
    const documents: CaseFile['documents'] = []
    await d.documents.where('caseId').equals(caseId).each((row) => {
      const { bytes: _bytes, ...meta } = row
      documents.push(meta)
    })
    const evidence: LooseRow[] = []
    await d.evidence.where('caseId').equals(caseId).each((row) => {
      const { blob: _blob, ...meta } = row
      evidence.push(meta as LooseRow)
    })
    const given = allocateExhibitNumbers(exhibitCandidates({ documents, evidence }), initials)
    for (const [id, exhibitNumber] of given) {
      const isDocument = documents.some((doc) => doc.id === id)
      if (isDocument) await d.documents.update(id, { exhibitNumber })
      else await d.evidence.update(id, { exhibitNumber })
      await audit({ caseId, entity: isDocument ? 'document' : 'evidence', entityId: id, action: 'exhibit numbered', before: { exhibitNumber: null }, after: { exhibitNumber } })
    }
    return given
  }, database)
}

export interface BundleSources {
  file: CaseFile
  staff: StaffDirectory
  organisation: OrganisationSettings
  servedBytes: Map<string, Uint8Array>
  evidenceBytes: Map<string, Uint8Array>
}

/** Everything a bundle is built from, read after exhibit numbers are given. */
export async function loadBundleSources(caseId: string, database: WorkstationDatabase = db): Promise<BundleSources> {
  const file = await loadCaseFile(caseId, database)
  if (!file) throw new ValidationError('The case bundle', [{ field: 'caseId', message: 'no such case' }])
  const users = await database.users.toArray()
  const staff: StaffDirectory = Object.fromEntries(users.map((u) => [u.id, { name: u.name, jobTitle: u.jobTitle, initials: u.initials }]))
  const servedIds = file.documents.filter((d) => d.served && !d.draft && !bundleDocumentKinds.includes(d.kind)).map((d) => d.id)
  const servedRows = await database.documents.bulkGet(servedIds)
  const servedBytes = new Map(servedRows.flatMap((r) => (r ? [[r.id, r.bytes] as [string, Uint8Array]] : [])))
  const evidenceRows = await database.evidence.bulkGet(file.evidence.filter((e) => !e.removed).map((e) => e.id))
  const evidenceBytes = new Map<string, Uint8Array>()
  // Blobs are read after the Dexie reads, outside any transaction.
  for (const row of evidenceRows) if (row?.blob instanceof Blob) evidenceBytes.set(row.id, new Uint8Array(await row.blob.arrayBuffer()))
  return { file, staff, organisation: await readSettings(organisationSettings, database), servedBytes, evidenceBytes }
}

const recipientLabels: Record<BundleRecipient, string> = {
  'legal team': 'Legal team',
  'court / respondent disclosure': 'Court / respondent disclosure',
  'partner agency': 'Partner agency',
}

const fileBytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array && v.byteLength > 0, 'must be the file bytes (not empty)')

export const storeBundleSchema = z.object({
  caseId: z.string().min(1, 'is required'),
  recipient: z.enum(bundleRecipients, { message: 'must be legal team, court / respondent disclosure or partner agency' }),
  templateVersion: z.string().min(1, 'is required'),
  ruleSetVersion: z.string().min(1, 'is required'),
  docx: z.object({ name: z.string().min(1), bytes: fileBytes }),
  zip: z.object({ name: z.string().min(1), bytes: fileBytes }),
  parts: z.array(z.object({ name: z.string().min(1), title: z.string().min(1), kind: z.string().min(1), bytes: fileBytes })),
  redactionReport: z.array(z.object({ where: z.string(), what: z.string(), count: z.number() })),
})
export type StoreBundleInput = z.input<typeof storeBundleSchema>

export interface StoredBundle {
  bundle: DocumentMeta
  zip: DocumentMeta
  parts: DocumentMeta[]
}

function metaOf(record: DocumentRecord): DocumentMeta {
  const { bytes: _bytes, ...meta } = record
  return meta
}

/**
 * Stores the whole bundle, its zip and each part (not the exhibits: they are already stored) as
 * documents, in ONE transaction with one audit entry: a refused bundle leaves nothing behind.
 * Rows are validated with the document register's own schema.
 */
export async function storeBundle(input: StoreBundleInput, by: string, database: WorkstationDatabase = db): Promise<StoredBundle> {
  const valid = parseOrRefuse(storeBundleSchema, input, 'The case bundle')
  const bundleId = newId()
  const createdAt = nowIso()
  const label = recipientLabels[valid.recipient]
  const row = (kind: string, title: string, file: { name: string; bytes: Uint8Array }, id = newId()): DocumentRecord => {
    const doc = parseOrRefuse(storeDocumentSchema, {
      caseId: valid.caseId, kind, title, recipientName: label, fileName: file.name.replace(/^.*\//, ''), bytes: file.bytes.slice(),
      templateVersion: valid.templateVersion, ruleSetVersion: valid.ruleSetVersion, draft: false,
    }, `The bundle file ${file.name}`)
    // Hashes are computed here, before the transaction (never await non-Dexie work inside it).
    return { ...doc, id, bundleId, size: doc.bytes.byteLength, sha256: sha256Hex(doc.bytes), createdBy: by, createdAt }
  }
  const bundle = row('bundle', `Case bundle for the ${valid.recipient}`, valid.docx, bundleId)
  const zip = row('bundle part', `Case bundle zip with manifest (${valid.recipient})`, valid.zip)
  const parts = valid.parts.filter((p) => p.kind !== 'exhibit').map((p) => row(p.kind === 'witness statement' ? 'witness statement' : 'bundle part', p.title, p))
  return auditedWrite(by, (d) => [d.cases, d.documents, d.formalActions, d.users], async ({ database: d, audit }) => {
    await requireRole(by, [...caseWriters], 'Preparing a case bundle', d)
    const action = await requireApprovedFormalAction(d, valid.caseId)
    const withAction = (r: DocumentRecord) => ({ ...r, formalActionId: action.id })
    await d.documents.bulkAdd([bundle, zip, ...parts].map(withAction))
    await audit({
      caseId: valid.caseId, entity: 'bundle', entityId: bundleId, action: 'prepared',
      after: { recipient: valid.recipient, formalActionId: action.id, files: [bundle, zip, ...parts].map((r) => ({ fileName: r.fileName, sha256: r.sha256, size: r.size })), redactions: valid.redactionReport as RedactionEntry[] },
    })
    return { bundle: metaOf(withAction(bundle)), zip: metaOf(withAction(zip)), parts: parts.map((p) => metaOf(withAction(p))) }
  }, database)
}

export interface BundleListing {
  bundle: DocumentMeta
  zipId?: string
  caseId: string
  caseRef: string
  category: string
  caseStatus: string
  caseSummary: string
  officerName: string
}

/** Bundles prepared on this computer, newest first, with the case they belong to. */
export async function listBundles(filter: { caseId?: string } = {}, database: WorkstationDatabase = db): Promise<BundleListing[]> {
  return database.transaction('r', [database.documents, database.cases, database.users], async () => {
    const rows: DocumentMeta[] = []
    const collection = filter.caseId ? database.documents.where('caseId').equals(filter.caseId) : database.documents.where('kind').anyOf('bundle', 'bundle part')
    await collection.each((d) => {
      if (d.kind === 'bundle' || (d.kind === 'bundle part' && d.fileName.endsWith('.zip'))) rows.push(metaOf(d))
    })
    const bundles = rows.filter((r) => r.kind === 'bundle')
    const cases = await database.cases.bulkGet([...new Set(bundles.map((b) => b.caseId ?? ''))])
    const users = await database.users.toArray()
    return bundles
      .map((b) => {
        const c = cases.find((x) => x?.id === b.caseId)
        return {
          bundle: b,
          zipId: rows.find((r) => r.kind === 'bundle part' && r.bundleId === b.id)?.id,
          caseId: b.caseId ?? '',
          caseRef: c?.ref ?? 'unknown case',
          category: c?.category ?? '',
          caseStatus: c?.status ?? '',
          caseSummary: c?.summary ?? '',
          officerName: users.find((u) => u.id === c?.officerId)?.name ?? '',
        }
      })
      .sort((a, b) => b.bundle.createdAt.localeCompare(a.bundle.createdAt))
  })
}

export const legalNoteSchema = z.object({
  caseId: z.string().min(1, 'is required'),
  text: z.string().trim().min(5, 'must say what is needed (at least 5 characters)').max(4000, 'must be 4,000 characters or fewer'),
  bundleId: z.string().optional(),
})
export type LegalNoteInput = z.input<typeof legalNoteSchema>

export interface LegalNote {
  id: string
  caseId: string
  kind: 'legal note'
  text: string
  by: string
  byName: string
  at: string
  createdAt: string
  bundleId?: string
  resolvedAt?: string
  resolvedBy?: string
}

/** The legal team's note back to the officer ("need further evidence of …"): it shows on the officer's Today panel. */
export async function addLegalNote(input: LegalNoteInput, by: string, database: WorkstationDatabase = db): Promise<LegalNote> {
  const valid = parseOrRefuse(legalNoteSchema, input, 'The note to the officer')
  return auditedWrite(by, (d) => [d.notes, d.cases, d.users], async ({ database: d, audit }) => {
    const author = await requireRole(by, ['legal', 'manager', 'administrator'], 'Adding a legal note', d)
    if (!(await d.cases.get(valid.caseId))) throw new ValidationError('The note to the officer', [{ field: 'caseId', message: 'no such case' }])
    const at = nowIso()
    const note: LegalNote = { id: newId(), caseId: valid.caseId, kind: 'legal note', text: valid.text, by, byName: author.name, at, createdAt: at, ...(valid.bundleId ? { bundleId: valid.bundleId } : {}) }
    await d.notes.add(note as unknown as LooseRow)
    await audit({ caseId: valid.caseId, entity: 'legal note', entityId: note.id, action: 'added', after: note })
    return note
  }, database)
}

/** The officer marks a legal note dealt with; the note stays on record. */
export async function resolveLegalNote(noteId: string, by: string, database: WorkstationDatabase = db): Promise<LegalNote> {
  parseOrRefuse(z.object({ noteId: recordId }), { noteId }, 'The legal note')
  return auditedWrite(by, (d) => [d.notes, d.users], async ({ database: d, audit }) => {
    await requireRole(by, [...caseWriters], 'Marking a legal note as dealt with', d)
    const found = (await d.notes.get(noteId)) as unknown as LegalNote | undefined
    if (!found || found.kind !== 'legal note') throw new ValidationError('The legal note', [{ field: 'noteId', message: 'no such note' }])
    if (found.resolvedAt) throw new PolicyRefusal('That note was already marked as dealt with.')
    const resolved = { resolvedAt: nowIso(), resolvedBy: by }
    await d.notes.update(noteId, resolved)
    await audit({ caseId: found.caseId, entity: 'legal note', entityId: noteId, action: 'resolved', before: { resolvedAt: null }, after: resolved })
    return { ...found, ...resolved }
  }, database)
}

export async function legalNotesForCase(caseId: string, database: WorkstationDatabase = db): Promise<LegalNote[]> {
  const rows = (await database.notes.where('caseId').equals(caseId).toArray()) as unknown as LegalNote[]
  return rows.filter((n) => n.kind === 'legal note').sort((a, b) => b.at.localeCompare(a.at))
}

/** Open legal notes on the cases an officer holds: their Today items. */
export async function openLegalNotesForOfficer(officerId: string, database: WorkstationDatabase = db): Promise<(LegalNote & { caseRef: string })[]> {
  return database.transaction('r', [database.notes, database.cases], async () => {
    const open: LegalNote[] = []
    await database.notes.each((n) => {
      const note = n as unknown as LegalNote
      if (note.kind === 'legal note' && !note.resolvedAt) open.push(note)
    })
    const cases = await database.cases.bulkGet([...new Set(open.map((n) => n.caseId))])
    return open.flatMap((n) => {
      const c = cases.find((x) => x?.id === n.caseId)
      return c && c.officerId === officerId ? [{ ...n, caseRef: c.ref }] : []
    })
  })
}

/** Today provider: open notes from the legal team on the officer's cases, until marked dealt with. */
export async function legalNoteTodayItems(context: { officerId: string }, database: WorkstationDatabase = db): Promise<TodayItem[]> {
  const open = await openLegalNotesForOfficer(context.officerId, database)
  return open.map((n) => ({
    kind: 'legal note',
    caseId: n.caseId,
    caseRef: n.caseRef,
    due: n.at.slice(0, 10),
    overdue: false,
    label: `Note from the legal team (${n.byName}): ${n.text.length > 120 ? `${n.text.slice(0, 117)}…` : n.text}`,
    officerId: context.officerId,
  }))
}

/** The exact stored bytes of a bundle file (for download by the officer or the legal team). */
export async function bundleFileBytes(documentId: string, database: WorkstationDatabase = db): Promise<{ fileName: string; bytes: Uint8Array } | undefined> {
  const found = await database.documents.get(documentId)
  if (!found || !(found.kind === 'bundle' || found.kind === 'bundle part' || found.kind === 'witness statement')) return undefined
  return { fileName: found.fileName, bytes: found.bytes }
}
