import { describe, expect, it } from 'vitest'
import { applyRestore, buildBackup, prepareRestore, readBackupState, recordBackupMade, setBackupPassphrase, storedBackupKey } from '@/data/backup/backup'
import { deriveBackupKey } from '@/data/backup/codec'
import { backupFileName, backupsToPrune, scheduledBackupDue } from '@/domain/backup'
import { sha256Hex } from '@/domain/audit'
import { verifyAuditChain } from '@/data/audit'
import type { DocumentRecord } from '@/domain/caseRecords'
import { freshDatabase, userIn } from '../helpers/db'
import { insertCaseFixture } from '../helpers/caseFixture'

// A lower PBKDF2 count keeps the tests quick; the app uses 600,000 (src/domain/passphrase.ts).
const ITERATIONS = 100_000
const BACKUP_PASSPHRASE = 'river otter lantern'

function documentRow(caseId: string, by: string): DocumentRecord {
  const bytes = new Uint8Array(5000).map((_, i) => (i * 31) % 256)
  return {
    id: 'doc-1', caseId, kind: 'warning letter', title: 'Warning letter', recipientName: 'Dean Harlow', fileName: 'warning.docx', bytes,
    size: bytes.byteLength, sha256: sha256Hex(bytes), templateVersion: '1', ruleSetVersion: '1', draft: false, createdBy: by, createdAt: '2026-09-10T10:00:00.000Z',
  }
}

async function populatedDatabase() {
  const database = await freshDatabase()
  const admin = await userIn(database, 'Ada Admin')
  await userIn(database, 'Mo Manager', 'manager')
  const fixture = await insertCaseFixture(database, admin.id)
  await database.documents.add(documentRow(fixture.case.id, admin.id))
  const evidenceBytes = new Uint8Array([137, 80, 78, 71, 1, 2, 3, 4])
  await database.evidence.add({
    id: 'ev-1', caseId: fixture.case.id, incidentId: 'inc-1', fileName: 'photo.png', mimeType: 'image/png', size: evidenceBytes.byteLength,
    sha256: sha256Hex(evidenceBytes), source: 'reporter', addedBy: admin.id, addedAt: '2026-09-06T10:00:00.000Z', blob: new Blob([evidenceBytes], { type: 'image/png' }),
  })
  return { database, admin, fixture }
}

describe('backup files', () => {
  it('round trip: backup → wipe → restore gives identical rows and byte-identical documents and evidence', async () => {
    const { database, admin } = await populatedDatabase()
    const key = await deriveBackupKey(BACKUP_PASSPHRASE, undefined, ITERATIONS)
    const built = await buildBackup(key, { reason: 'manual', by: admin.id, appVersion: 'test' }, database)
    expect(built.manifest.counts).toMatchObject({ cases: 1, people: 3, users: 2, documents: 1, evidence: 1, incidents: 3 })
    expect(built.fileName).toMatch(/^asb-workstation-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z-manual\.asbbackup$/)
    // The file is encrypted: no name from the caseload appears in it.
    const asText = new TextDecoder().decode(built.bytes)
    expect(asText).not.toContain('Okonjo')
    expect(asText).not.toContain('Kingfisher')

    const before = {
      cases: await database.cases.toArray(), people: await database.people.orderBy('id').toArray(), users: await database.users.orderBy('id').toArray(),
      incidents: await database.incidents.orderBy('id').toArray(), audit: await database.audit.orderBy('seq').toArray(),
      document: await database.documents.get('doc-1'), evidence: await database.evidence.get('ev-1'),
    }

    // Wipe: a new empty database stands in for a replaced laptop; the administrator profile is recreated.
    const target = await freshDatabase()
    const plan = await prepareRestore(built.bytes, BACKUP_PASSPHRASE, target)
    // Restoring needs an administrator present in the target (the first profile is one).
    const newAdmin = await userIn(target, 'Ada Admin')
    await applyRestore(plan, newAdmin.id, target)

    expect(await target.cases.toArray()).toEqual(before.cases)
    expect(await target.people.orderBy('id').toArray()).toEqual(before.people)
    expect(await target.users.orderBy('id').toArray()).toEqual(before.users)
    expect(await target.incidents.orderBy('id').toArray()).toEqual(before.incidents)
    const restoredDoc = await target.documents.get('doc-1')
    expect(restoredDoc?.bytes).toBeInstanceOf(Uint8Array)
    expect(Buffer.from(restoredDoc!.bytes).equals(Buffer.from(before.document!.bytes))).toBe(true)
    const restoredEvidence = (await target.evidence.get('ev-1')) as unknown as { blob: Blob }
    expect(new Uint8Array(await restoredEvidence.blob.arrayBuffer())).toEqual(new Uint8Array(await (before.evidence as unknown as { blob: Blob }).blob.arrayBuffer()))
    expect(restoredEvidence.blob.type).toBe('image/png')

    // The restored audit chain is the backup's, plus one entry recording the restore; it verifies.
    const audit = await target.audit.orderBy('seq').toArray()
    expect(audit.slice(0, before.audit.length)).toEqual(before.audit)
    expect(audit[audit.length - 1]).toMatchObject({ entity: 'backup', action: 'restored', userId: newAdmin.id })
    expect(await verifyAuditChain(target)).toMatchObject({ ok: true, checked: before.audit.length + 1 })
  })

  it('keeps the automatic-backup key without the passphrase and audits setting it', async () => {
    const { database, admin } = await populatedDatabase()
    expect(await storedBackupKey(database)).toBeUndefined()
    await expect(setBackupPassphrase(admin.id, 'short', database, ITERATIONS)).rejects.toThrow(/passphrase — must be at least 8 characters/)
    await setBackupPassphrase(admin.id, BACKUP_PASSPHRASE, database, ITERATIONS)
    const stored = JSON.stringify(await database.settings.toArray())
    expect(stored).not.toContain(BACKUP_PASSPHRASE)
    const audit = await database.audit.orderBy('seq').last()
    expect(audit).toMatchObject({ action: 'backup passphrase set' })
    expect(JSON.stringify(audit)).not.toMatch(/keyHex/)

    // A scheduled backup made with the stored key opens with the passphrase typed later.
    const key = await storedBackupKey(database)
    const built = await buildBackup(key!, { reason: 'scheduled', by: admin.id, appVersion: 'test' }, database)
    await recordBackupMade(admin.id, built, 'browser download', database)
    const plan = await prepareRestore(built.bytes, BACKUP_PASSPHRASE, await freshDatabase())
    expect(plan.manifest.reason).toBe('scheduled')
    const state = await readBackupState(database)
    expect(state.lastScheduledAt).toBe(built.manifest.createdAt)
    expect(state.log[0]).toMatchObject({ fileName: built.fileName, sha256: sha256Hex(built.bytes), savedTo: 'browser download' })
  })

  it('schedules daily by default and keeps only the newest files', () => {
    const now = new Date('2026-11-25T09:00:00Z')
    expect(scheduledBackupDue('daily', undefined, now)).toBe(true)
    expect(scheduledBackupDue('daily', '2026-11-25T07:00:00Z', now)).toBe(false)
    expect(scheduledBackupDue('daily', '2026-11-24T09:00:00Z', now)).toBe(true)
    expect(scheduledBackupDue('weekly', '2026-11-20T09:00:00Z', now)).toBe(false)
    expect(scheduledBackupDue('off', undefined, now)).toBe(false)
    const names = Array.from({ length: 16 }, (_, i) => backupFileName(new Date(Date.UTC(2026, 10, i + 1, 2)).toISOString(), 'scheduled'))
    const pruned = backupsToPrune([...names, 'holiday-photo.jpg'].reverse(), 14)
    expect(pruned).toEqual([names[0], names[1]])
  })
})
