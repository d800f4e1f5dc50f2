import { format } from 'date-fns'
import { z } from 'zod'
import type { DocumentRecord } from '@/domain/caseRecords'
import { parseOrRefuse, PolicyRefusal, ValidationError } from '@/domain/validation'
import { requireRole } from '../authz'
import { db, type WorkstationDatabase } from '../db'
import { auditedWrite, newId, nowIso } from '../write'
import { recordIntervention, type InterventionInput } from './interventions'

/**
 * The documents register. Every generated document is kept byte for byte with its SHA-256, so
 * what is downloaded again (and what goes into the legal bundle) is exactly what was served.
 * Kinds agreed between features: 'acknowledgement', 'not ASB', 'warning letter', 'parent warning
 * letter', 'CPN warning', 'ABA', 'contact attempt', 'closure summary', 'NOSP Form 3', 'NOSP s83',
 * 'notice s83ZA', 'injunction referral', 'bundle', 'bundle part', 'witness statement', 'board report'.
 */
export type DocumentMeta = Omit<DocumentRecord, 'bytes'>

export const serviceMethods = ['hand', 'first-class post', 'email', 'left at property'] as const
export type ServiceMethod = (typeof serviceMethods)[number]

const text = (max: number) => z.string().trim().max(max, `must be ${max} characters or fewer`)

export const storeDocumentSchema = z.object({
  caseId: z.string().min(1).optional(),
  kind: text(60).min(1, 'is required'),
  title: text(200).min(1, 'is required'),
  recipientPersonId: z.string().min(1).optional(),
  recipientName: text(200).min(1, 'is required'),
  fileName: text(200).min(1, 'is required').regex(/^[^\\/:*?"<>|]+$/, 'must not contain \\ / : * ? " < > |'),
  bytes: z.instanceof(Uint8Array, { message: 'must be the document bytes' }).refine((b) => b.byteLength > 0, 'must not be empty'),
  templateVersion: text(60).min(1, 'is required'),
  ruleSetVersion: text(60).min(1, 'is required'),
  draft: z.boolean().default(false),
  formalActionId: z.string().min(1).optional(),
})
export type StoreDocumentInput = z.input<typeof storeDocumentSchema>

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as BufferSource)
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')
}

function metaOf(record: DocumentRecord): DocumentMeta {
  const { bytes: _bytes, ...meta } = record
  return meta
}

export interface StoreDocumentOptions {
  /**
   * Record the intervention the document is (a warning, an ABA …) in the same transaction, linked
   * to the document, so the case clock gets its review date and neither exists without the other.
   */
  intervention?: Omit<InterventionInput, 'caseId' | 'documentId'>
}

/**
 * Stores a generated document and its hash; audited. The legal role never writes case records.
 * An acknowledgement also stamps the case's `acknowledgedAt` (first one only). [001 §6.3]
 */
export async function storeDocument(input: StoreDocumentInput, by: string, database: WorkstationDatabase = db, options: StoreDocumentOptions = {}): Promise<DocumentMeta> {
  const valid = parseOrRefuse(storeDocumentSchema, input, 'The document')
  // Copy so later changes to the caller's buffer cannot alter what is stored, and hash BEFORE the
  // transaction: an awaited WebCrypto call inside it would let IndexedDB commit early.
  const bytes = valid.bytes.slice()
  const sha256 = await sha256Hex(bytes)
  if (options.intervention && !valid.caseId) throw new ValidationError('The document', [{ field: 'caseId', message: 'is required to record an intervention' }])
  return auditedWrite(by, (d) => [d.documents, d.cases, d.users, d.interventions], async ({ database: d, audit }) => {
    await requireRole(by, ['officer', 'manager', 'administrator'], 'Saving a document', d)
    const asbCase = valid.caseId ? await d.cases.get(valid.caseId) : undefined
    if (valid.caseId && !asbCase) throw new ValidationError('The document', [{ field: 'caseId', message: 'no such case' }])
    const record: DocumentRecord = {
      id: newId(),
      ...valid,
      bytes,
      size: bytes.byteLength,
      sha256,
      createdBy: by,
      createdAt: nowIso(),
    }
    await d.documents.add(record)
    await audit({ caseId: valid.caseId, entity: 'document', entityId: record.id, action: 'stored', after: metaOf(record) })
    if (asbCase && valid.kind === 'acknowledgement' && !valid.draft && !asbCase.acknowledgedAt) {
      await d.cases.update(asbCase.id, { acknowledgedAt: record.createdAt, updatedAt: nowIso() })
      await audit({ caseId: asbCase.id, entity: 'case', entityId: asbCase.id, action: 'acknowledged', before: { acknowledgedAt: null }, after: { acknowledgedAt: record.createdAt } })
    }
    // Nested in this transaction (same tables, Dexie-only awaits), so both are written or neither.
    if (options.intervention) await recordIntervention({ ...options.intervention, caseId: valid.caseId!, documentId: record.id }, by, d)
    return metaOf(record)
  }, database)
}

export const markServedSchema = z.object({
  date: z.iso.date('must be a date (YYYY-MM-DD)'),
  method: z.enum(serviceMethods, { message: 'must be hand, first-class post, email or left at property' }),
  by: z.string().min(1, 'is required'),
})
export type MarkServedInput = z.input<typeof markServedSchema>

/**
 * Records that a document was served: date and method, a separate audited step. Served once:
 * a correction is not an overwrite of the legal record, so a second call is refused.
 */
export async function markServed(documentId: string, input: MarkServedInput, database: WorkstationDatabase = db): Promise<DocumentMeta> {
  const valid = parseOrRefuse(markServedSchema, input, 'The service record')
  // The officer's own calendar day (not UTC): serving just after midnight in summer time is today.
  const today = format(new Date(), 'yyyy-MM-dd')
  if (valid.date > today) throw new ValidationError('The service record', [{ field: 'date', message: 'cannot be in the future' }])
  return auditedWrite(valid.by, (d) => [d.documents, d.users], async ({ database: d, audit }) => {
    await requireRole(valid.by, ['officer', 'manager', 'administrator'], 'Recording service of a document', d)
    const found = await d.documents.get(documentId)
    if (!found) throw new ValidationError('The service record', [{ field: 'documentId', message: 'no such document' }])
    if (found.served) throw new PolicyRefusal(`"${found.title}" was already recorded as served on ${found.served.date} by ${found.served.method}.`)
    if (found.draft) throw new PolicyRefusal(`"${found.title}" is a draft and cannot be served.`)
    if (valid.date < found.createdAt.slice(0, 10)) throw new ValidationError('The service record', [{ field: 'date', message: 'cannot be before the document was created' }])
    const served = { date: valid.date, method: valid.method, by: valid.by, recordedAt: nowIso() }
    await d.documents.update(documentId, { served })
    await audit({ caseId: found.caseId, entity: 'document', entityId: documentId, action: 'served', before: { served: null }, after: { served } })
    return { ...metaOf(found), served }
  }, database)
}

/** The exact stored bytes (for download again and the bundle). */
export async function getDocumentBytes(id: string, database: WorkstationDatabase = db): Promise<Uint8Array | undefined> {
  return (await database.documents.get(id))?.bytes
}

export async function getDocument(id: string, database: WorkstationDatabase = db): Promise<DocumentMeta | undefined> {
  const found = await database.documents.get(id)
  return found && metaOf(found)
}

export interface DocumentFilters {
  caseId?: string
  kind?: string
  /** ISO dates, inclusive, on the created date. */
  from?: string
  to?: string
  formalActionId?: string
}

/** A register row: the document's metadata and its case reference. */
export interface DocumentListing extends DocumentMeta {
  caseRef?: string
}

/** Register rows, newest first, without the bytes. */
export async function listDocuments(filters: DocumentFilters = {}, database: WorkstationDatabase = db): Promise<DocumentListing[]> {
  const from = filters.from ?? ''
  const to = filters.to ? `${filters.to}\uffff` : '\uffff'
  return database.transaction('r', [database.documents, database.cases], async () => {
    let collection
    if (filters.caseId) collection = database.documents.where('caseId').equals(filters.caseId)
    else if (filters.kind) collection = database.documents.where('kind').equals(filters.kind)
    else collection = database.documents.where('createdAt').between(from, to, true, true)
    const rows: DocumentListing[] = []
    await collection.each((d) => {
      if (filters.kind && d.kind !== filters.kind) return
      if (filters.formalActionId && d.formalActionId !== filters.formalActionId) return
      if (d.createdAt < from || d.createdAt > to) return
      rows.push(metaOf(d))
    })
    const caseIds = [...new Set(rows.flatMap((r) => (r.caseId ? [r.caseId] : [])))]
    const cases = await database.cases.bulkGet(caseIds)
    const refs = new Map(cases.flatMap((c) => (c ? [[c.id, c.ref] as const] : [])))
    for (const row of rows) if (row.caseId) row.caseRef = refs.get(row.caseId)
    return rows.sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  })
}
