import { z } from 'zod'
import type { BackupTable } from '@/domain/backup'
import { assessmentKinds, actionStatuses } from '@/domain/caseRecords'
import { caseRefPattern, caseStatuses, riskBands } from '@/domain/cases'
import { partyRoles } from '@/domain/parties'
import { roles } from '@/domain/users'
import { sha256Hex } from '@/domain/audit'

/**
 * What every row of every table must look like for a restore to accept it. Loose objects: the
 * fields the app relies on (ids, keys that are indexed, types the screens assume) are checked;
 * fields a feature adds later pass through untouched, so a backup never silently drops data.
 */
const id = z.string().min(1, 'is required').max(200, 'is too long')
const text = z.string()
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'must be an ISO date')
const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hash')
const caseLink = { id, caseId: id }

export const rowSchemas: Record<BackupTable, z.ZodType> & Record<string, z.ZodType | undefined> = {
  users: z.looseObject({
    id, name: text.min(1), role: z.enum(roles), administrator: z.boolean(), initials: text,
    passphraseHash: z.object({ algorithm: z.literal('PBKDF2-SHA-256'), iterations: z.number().int().min(1), salt: z.string().regex(/^[0-9a-f]+$/), hash: z.string().regex(/^[0-9a-f]+$/) }),
    createdAt: isoDate,
  }),
  settings: z.looseObject({ key: id, version: z.number().int(), value: z.unknown(), updatedAt: isoDate, updatedBy: text }),
  counters: z.looseObject({ key: id, value: z.number().finite() }),
  people: z.looseObject({ id, surname: text, surnameKey: text, postcodeKey: text, createdAt: isoDate, updatedAt: isoDate }),
  cases: z.looseObject({
    id, ref: z.string().regex(caseRefPattern, 'must be a case reference like ASB-2026-00001'), status: z.enum(caseStatuses), category: text,
    riskBand: z.enum(riskBands), officerId: text, openedAt: isoDate, reportedAt: isoDate, searchText: text, createdAt: isoDate, updatedAt: isoDate,
  }),
  caseParties: z.looseObject({ ...caseLink, personId: id, role: z.enum(partyRoles), identityConfidential: z.boolean() }),
  incidents: z.looseObject({ ...caseLink, occurredAt: isoDate, description: text }),
  contacts: z.looseObject({ ...caseLink, at: isoDate, method: text, successful: z.boolean() }),
  actions: z.looseObject({ ...caseLink, what: text, due: isoDate, status: z.enum(actionStatuses) }),
  interventions: z.looseObject({ ...caseLink, kind: text, date: isoDate }),
  assessments: z.looseObject({ ...caseLink, kind: z.enum(assessmentKinds), version: z.number().int().min(1), answers: z.record(z.string(), z.unknown()) }),
  formalActions: z.looseObject({ ...caseLink, kind: text, status: text }),
  // A stored document's bytes must still match the SHA-256 recorded when it was made.
  documents: z
    .looseObject({ id, kind: text, title: text, fileName: text, bytes: z.instanceof(Uint8Array, { message: 'must be the document bytes' }), size: z.number().int().min(0), sha256: hex64, createdAt: isoDate })
    .refine((row) => sha256Hex(row.bytes) === row.sha256, { message: 'the document bytes do not match their SHA-256', path: ['bytes'] }),
  evidence: z.looseObject({ ...caseLink, fileName: text, sha256: hex64, size: z.number().int().min(0), blob: z.instanceof(Blob, { message: 'must be the evidence file' }) }),
  surveys: z.looseObject({ ...caseLink, kind: text, dueAt: isoDate }),
  notes: z.looseObject({ ...caseLink }),
  qualitySamples: z.looseObject({ ...caseLink, batchId: text, sampledAt: isoDate }),
  audit: z.looseObject({ seq: z.number().int().min(1), at: isoDate, userId: text, entity: text, entityId: text, action: text, prevHash: hex64, hash: hex64 }),
}

/** A table added after this file was last updated still gets checked as a list of objects. */
export const anyRow = z.looseObject({})
