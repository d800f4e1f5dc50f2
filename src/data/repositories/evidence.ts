import { z } from 'zod'
import {
  capturedAtProblem, checkEvidenceSize, checkFitsStorage, duplicateRefusal, evidenceDetailsSchema, evidenceRemovalSchema,
  findDuplicate, sniffEvidence, EvidenceRefusal, type EvidenceDetails, type EvidenceMeta, type EvidenceRecord, type StorageEstimateLike,
  type ValidEvidenceDetails,
} from '@/domain/evidence'
import { evidenceSettings } from '@/domain/settings/evidence'
import { parseOrRefuse, PolicyRefusal, ValidationError } from '@/domain/validation'
import { requireRole } from '../authz'
import { db, type LooseRow, type WorkstationDatabase } from '../db'
import { auditedWrite, newId, nowIso } from '../write'
import { readSettings } from './settings'

/*
 * Evidence files are stored as Blobs in IndexedDB (issue 11). Chromium keeps a Blob in a record
 * without base64 or copying it into the JS heap until it is read, and fake-indexeddb (unit tests)
 * clones Blobs faithfully on Node 20 — the read-back tests here and in tests/e2e/evidence.spec.ts
 * check both — so no ArrayBuffer copy is kept alongside (it would double the space used).
 */

export interface AddEvidenceInput extends EvidenceDetails {
  /** The file's original name, as received (kept for the exhibit list). */
  fileName: string
  file: Blob
}

const noFileName = 'is required (the file has no name)'
const addEvidenceInputSchema = z.object({
  ...evidenceDetailsSchema.shape,
  fileName: z.string({ message: noFileName }).trim().min(1, noFileName),
  file: z.instanceof(Blob, { message: 'is not a file' }),
}, { error: 'no file was given (choose a file and say which incident it belongs to)' })

export interface AddEvidenceOptions {
  /** Storage estimate; defaults to navigator.storage.estimate() where the platform has it. */
  estimate?: () => Promise<StorageEstimateLike | undefined>
  now?: () => Date
}

async function platformEstimate(): Promise<StorageEstimateLike | undefined> {
  if (typeof navigator === 'undefined' || !navigator.storage?.estimate) return undefined
  return navigator.storage.estimate()
}

export async function sha256OfBytes(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')
}

function withoutBlob(row: EvidenceRecord): EvidenceMeta {
  const { blob: _blob, ...meta } = row
  return meta
}

/**
 * Adds one file to an incident. Everything slow or non-Dexie (reading the bytes, sniffing the
 * type, SHA-256 with WebCrypto, the storage estimate) happens BEFORE the transaction, which
 * IndexedDB would otherwise commit early. A refused file stores nothing and touches nothing else.
 */
export async function addEvidence(input: AddEvidenceInput, by: string, database: WorkstationDatabase = db, options: AddEvidenceOptions = {}): Promise<EvidenceMeta> {
  // The whole input is parsed before anything is read from it (a missing or malformed input is a
  // ValidationError naming the field, never a TypeError from destructuring).
  const { fileName, file, ...details } = parseOrRefuse(addEvidenceInputSchema, input, 'The evidence file')
  const now = options.now?.() ?? new Date()
  const capturedProblem = capturedAtProblem(details.capturedAt, now)
  if (capturedProblem) throw new ValidationError('The evidence file', [{ field: 'capturedAt', message: capturedProblem }])

  const limits = await readSettings(evidenceSettings, database)
  // Size first, so an oversized clip is refused without reading it into memory.
  checkEvidenceSize(fileName, file.size, limits.maxFileSizeMb)
  let bytes: Uint8Array<ArrayBuffer>
  try {
    bytes = new Uint8Array(await file.arrayBuffer())
  } catch {
    // A picked file that was moved, deleted or is still being written cannot be read.
    throw new EvidenceRefusal('unreadable', fileName, 'it could not be read from the disk (it may have been moved, deleted or still be copying). Choose it again.')
  }
  const type = await sniffEvidence(fileName, bytes)
  const sha256 = await sha256OfBytes(bytes)
  checkFitsStorage(fileName, bytes.length, await (options.estimate ?? platformEstimate)(), limits.reserveMb)
  // The stored Blob is made from exactly the bytes hashed, typed by what the content is (not by
  // what the browser guessed from the name), so the recorded hash is the hash of what is kept.
  const blob = new Blob([bytes], { type: type.mimeType })

  try {
    return await storeEvidence({ details, fileName, mimeType: type.mimeType, size: bytes.length, sha256, blob, addedAt: now.toISOString() }, by, database)
  } catch (error) {
    // The estimate is only an estimate: if the disk fills during the write, IndexedDB aborts the
    // transaction (nothing is stored) and the officer gets the same plain message.
    if (isQuotaError(error)) {
      throw new EvidenceRefusal('no space', fileName, 'this computer ran out of storage space while saving it, so nothing was stored. Free some disk space, then try again.')
    }
    throw error
  }
}

function isQuotaError(error: unknown): boolean {
  const named = error as { name?: string; inner?: { name?: string } } | undefined
  return named?.name === 'QuotaExceededError' || named?.inner?.name === 'QuotaExceededError'
}

/** What is known about a file once it has been read, checked and hashed: ready to store. */
interface CheckedFile {
  details: ValidEvidenceDetails
  fileName: string
  mimeType: string
  size: number
  sha256: string
  blob: Blob
  addedAt: string
}

async function storeEvidence({ details, fileName, mimeType, size, sha256, blob, addedAt }: CheckedFile, by: string, database: WorkstationDatabase): Promise<EvidenceMeta> {
  return auditedWrite(by, (d) => [d.evidence, d.cases, d.incidents, d.users], async ({ database: d, audit }) => {
    await requireRole(by, ['officer', 'manager', 'administrator'], 'Adding evidence', d)
    const found = await d.cases.get(details.caseId)
    if (!found) throw new ValidationError('The evidence file', [{ field: 'caseId', message: 'no such case' }])
    const incident = await d.incidents.get(details.incidentId)
    if (!incident || incident.caseId !== details.caseId) {
      throw new ValidationError('The evidence file', [{ field: 'incidentId', message: 'no such incident on this case' }])
    }
    // Checked inside the transaction so two quick adds of the same file cannot both get in.
    const sameHash = (await d.evidence.where('[caseId+sha256]').equals([details.caseId, sha256]).toArray()) as unknown as EvidenceRecord[]
    const duplicate = findDuplicate(sha256, sameHash)
    if (duplicate) throw duplicateRefusal(fileName, duplicate)
    const row: EvidenceRecord = {
      id: newId(),
      caseId: details.caseId,
      incidentId: details.incidentId,
      fileName,
      mimeType,
      size,
      sha256,
      source: details.source,
      ...(details.capturedAt ? { capturedAt: details.capturedAt } : {}),
      ...(details.note ? { note: details.note } : {}),
      addedBy: by,
      addedAt,
      blob,
    }
    await d.evidence.add(row as unknown as LooseRow)
    // The audit entry carries the SHA-256 and size (the Blob itself is summarised, not copied).
    await audit({ caseId: details.caseId, entity: 'evidence', entityId: row.id, action: 'added', after: row })
    return withoutBlob(row)
  }, database)
}

/**
 * Marks a file removed, with a reason. The row and its bytes are kept unchanged — a court may ask
 * what was removed and why — and the audit entry repeats the file's SHA-256.
 */
export async function removeEvidence(evidenceId: string, reason: string, by: string, database: WorkstationDatabase = db): Promise<EvidenceMeta> {
  const valid = parseOrRefuse(evidenceRemovalSchema, { reason }, 'The removal')
  return auditedWrite(by, (d) => [d.evidence, d.users], async ({ database: d, audit }) => {
    await requireRole(by, ['officer', 'manager', 'administrator'], 'Removing evidence', d)
    const row = (await d.evidence.get(evidenceId)) as unknown as EvidenceRecord | undefined
    if (!row) throw new ValidationError('The removal', [{ field: 'evidenceId', message: 'no such evidence file' }])
    if (row.removed) throw new PolicyRefusal(`"${row.fileName}" was already removed (${row.removed.reason}).`)
    const removed = { at: nowIso(), by, reason: valid.reason }
    await d.evidence.update(evidenceId, { removed })
    await audit({
      caseId: row.caseId, entity: 'evidence', entityId: row.id, action: 'removed',
      before: { fileName: row.fileName, sha256: row.sha256, size: row.size, incidentId: row.incidentId },
      after: { fileName: row.fileName, sha256: row.sha256, removed },
    })
    return withoutBlob({ ...row, removed })
  }, database)
}

/** The stored file, for a preview or for the bundle. */
export async function getEvidenceBlob(evidenceId: string, database: WorkstationDatabase = db): Promise<Blob | undefined> {
  const row = (await database.evidence.get(evidenceId)) as unknown as EvidenceRecord | undefined
  return row?.blob
}

/** Re-hashes the stored file and compares it with the hash recorded when it was added. */
export async function checkEvidenceUnchanged(evidenceId: string, database: WorkstationDatabase = db): Promise<{ unchanged: boolean; recorded: string; actual: string }> {
  const row = (await database.evidence.get(evidenceId)) as unknown as EvidenceRecord | undefined
  if (!row) throw new ValidationError('The check', [{ field: 'evidenceId', message: 'no such evidence file' }])
  const actual = await sha256OfBytes(new Uint8Array(await row.blob.arrayBuffer()))
  return { unchanged: actual === row.sha256, recorded: row.sha256, actual }
}

export async function listEvidenceForCase(caseId: string, database: WorkstationDatabase = db): Promise<EvidenceMeta[]> {
  const rows: EvidenceMeta[] = []
  await database.evidence.where('caseId').equals(caseId).each((row) => rows.push(withoutBlob(row as unknown as EvidenceRecord)))
  return rows.sort((a, b) => a.addedAt.localeCompare(b.addedAt))
}

export async function listEvidenceForIncident(incidentId: string, database: WorkstationDatabase = db): Promise<EvidenceMeta[]> {
  const rows: EvidenceMeta[] = []
  await database.evidence.where('incidentId').equals(incidentId).each((row) => rows.push(withoutBlob(row as unknown as EvidenceRecord)))
  return rows.sort((a, b) => a.addedAt.localeCompare(b.addedAt))
}

export interface EvidenceStorageUse {
  files: number
  bytes: number
  /** Removed files still take space: they are kept for the record. */
  removedFiles: number
  removedBytes: number
}

/** Space taken by evidence files across the caseload (for Settings). */
export async function evidenceStorageUse(database: WorkstationDatabase = db): Promise<EvidenceStorageUse> {
  const use: EvidenceStorageUse = { files: 0, bytes: 0, removedFiles: 0, removedBytes: 0 }
  await database.evidence.each((row) => {
    const size = typeof row.size === 'number' ? row.size : 0
    if (row.removed) {
      use.removedFiles++
      use.removedBytes += size
    } else {
      use.files++
      use.bytes += size
    }
  })
  return use
}

export { EvidenceRefusal }
