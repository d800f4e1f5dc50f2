import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { WorkstationDatabase } from '@/data/db'
import {
  addEvidence, checkEvidenceUnchanged, evidenceStorageUse, getEvidenceBlob, listEvidenceForCase, listEvidenceForIncident, removeEvidence,
  type AddEvidenceInput,
} from '@/data/repositories/evidence'
import { saveSettings } from '@/data/repositories/settings'
import { verifyAuditChain } from '@/data/audit'
import { EvidenceRefusal } from '@/domain/evidence'
import { evidenceSettings } from '@/domain/settings/evidence'
import { PolicyRefusal, ValidationError } from '@/domain/validation'
import { freshDatabase, userIn } from '../helpers/db'
import { insertCaseFixture } from '../helpers/caseFixture'

const fixtureBytes = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/evidence/${name}`, import.meta.url)))
const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

let database: WorkstationDatabase
let officerId: string

function input(name: string, extra: Partial<AddEvidenceInput> = {}, bytes = fixtureBytes(name)): AddEvidenceInput {
  // The browser's guess at the type is deliberately wrong: the stored type must come from the content.
  return { caseId: 'case-fixture', incidentId: 'inc-1', source: 'reporter', fileName: name, file: new Blob([bytes], { type: 'application/octet-stream' }), ...extra }
}

/** Everything in the tables a refused add could have touched, to compare before and after. */
async function snapshot() {
  return {
    evidence: await database.evidence.toArray(),
    audit: await database.audit.toArray(),
    cases: await database.cases.toArray(),
    incidents: await database.incidents.toArray(),
  }
}

beforeEach(async () => {
  database = await freshDatabase()
  officerId = (await userIn(database, 'Jo Smith', 'officer')).id
  await insertCaseFixture(database, officerId)
})

describe('adding evidence', () => {
  it('records the SHA-256 of exactly the bytes stored: the Blob read back hashes the same', async () => {
    const added = await addEvidence(input('door.png', { capturedAt: '2026-09-19T22:50', note: 'Photo of the door' }), officerId, database)
    const blob = await getEvidenceBlob(added.id, database)
    expect(blob).toBeInstanceOf(Blob)
    const readBack = new Uint8Array(await blob!.arrayBuffer())
    expect(readBack).toEqual(fixtureBytes('door.png'))
    expect(added.sha256).toBe(sha256Hex(readBack))
    expect(added.sha256).toBe(sha256Hex(fixtureBytes('door.png')))
    expect(blob!.type).toBe('image/png')
    expect(added).toMatchObject({ fileName: 'door.png', mimeType: 'image/png', size: 172, source: 'reporter', capturedAt: '2026-09-19T22:50', addedBy: officerId, note: 'Photo of the door' })
    expect(await checkEvidenceUnchanged(added.id, database)).toEqual({ unchanged: true, recorded: added.sha256, actual: added.sha256 })
  })

  it('keeps MP3, WAV and PDF files with the type their content shows', async () => {
    for (const name of ['noise-app.mp3', 'tone.wav', 'police-letter.pdf']) await addEvidence(input(name), officerId, database)
    const listed = await listEvidenceForIncident('inc-1', database)
    expect(listed.map((e) => [e.fileName, e.mimeType])).toEqual([
      ['noise-app.mp3', 'audio/mpeg'], ['tone.wav', 'audio/wav'], ['police-letter.pdf', 'application/pdf'],
    ])
    expect(listed.every((e) => !('blob' in e))).toBe(true)
  })

  it('writes an audit entry carrying the hash and size, not the file itself', async () => {
    const added = await addEvidence(input('tone.wav'), officerId, database)
    const entry = (await database.audit.where('caseId').equals('case-fixture').toArray()).find((e) => e.entityId === added.id)
    expect(entry).toMatchObject({ entity: 'evidence', action: 'added', userId: officerId })
    expect(entry?.after).toMatchObject({ sha256: added.sha256, size: 4844, fileName: 'tone.wav', blob: { blob: true, size: 4844 } })
    expect((await verifyAuditChain(database)).ok).toBe(true)
  })
})

describe('refusing a file stores nothing and changes nothing', () => {
  it('refuses a renamed executable', async () => {
    await addEvidence(input('door.png'), officerId, database)
    const before = await snapshot()
    await expect(addEvidence(input('holiday-photo.png'), officerId, database)).rejects.toThrow(/does not match its \.png extension/)
    expect(await snapshot()).toEqual(before)
  })

  it('refuses a duplicate of a file already on the case, even under another name or incident', async () => {
    const first = await addEvidence(input('noise-app.mp3'), officerId, database)
    const before = await snapshot()
    const attempt = addEvidence(input('noise-app.mp3', { fileName: 'recording (1).mp3', incidentId: 'inc-2', source: 'witness' }, fixtureBytes('noise-app.mp3')), officerId, database)
    await expect(attempt).rejects.toBeInstanceOf(EvidenceRefusal)
    await expect(attempt).rejects.toThrow(`identical (same SHA-256) to "noise-app.mp3"`)
    expect(await snapshot()).toEqual(before)
    expect((await listEvidenceForCase('case-fixture', database)).map((e) => e.id)).toEqual([first.id])
  })

  it('refuses an empty file', async () => {
    const before = await snapshot()
    await expect(addEvidence(input('empty.jpg', {}, new Uint8Array()), officerId, database)).rejects.toThrow('"empty.jpg" was not added: the file is empty (0 bytes)')
    expect(await snapshot()).toEqual(before)
  })

  it('refuses a file over the size limit set in Settings', async () => {
    await saveSettings(evidenceSettings, { maxFileSizeMb: 1, reserveMb: 50 }, officerId, database)
    const before = await snapshot()
    const big = new Uint8Array(1024 * 1024 + 1)
    big.set(fixtureBytes('tone.wav'))
    await expect(addEvidence(input('long.wav', {}, big), officerId, database)).rejects.toThrow('over the 1 MB limit')
    expect(await snapshot()).toEqual(before)
    // The same limit lets a smaller file in.
    await expect(addEvidence(input('tone.wav'), officerId, database)).resolves.toMatchObject({ fileName: 'tone.wav' })
  })

  it('refuses a file the storage estimate says will not fit', async () => {
    const before = await snapshot()
    const nearlyFull = async () => ({ usage: 100 * 1024 * 1024, quota: 150 * 1024 * 1024 + 5000 })
    await expect(addEvidence(input('noise-app.mp3'), officerId, database, { estimate: nearlyFull })).rejects.toThrow(/needs 10 KB but only 5 KB is free/)
    expect(await snapshot()).toEqual(before)
    const roomy = async () => ({ usage: 0, quota: 1024 * 1024 * 1024 })
    await expect(addEvidence(input('noise-app.mp3'), officerId, database, { estimate: roomy })).resolves.toMatchObject({ fileName: 'noise-app.mp3' })
  })

  it('refuses bad details, naming the field', async () => {
    const before = await snapshot()
    await expect(addEvidence(input('door.png', { source: 'neighbour' as never }), officerId, database)).rejects.toThrow('source — choose where the file came from')
    await expect(addEvidence(input('door.png', { capturedAt: '2099-01-01T10:00' }), officerId, database)).rejects.toThrow('capturedAt — cannot be in the future')
    await expect(addEvidence(input('door.png', { incidentId: 'inc-elsewhere' }), officerId, database)).rejects.toThrow('incidentId — no such incident on this case')
    expect(await snapshot()).toEqual(before)
  })

  it('refuses a legal-team profile: the legal role never edits case records', async () => {
    const lawyer = await userIn(database, 'Lee Counsel', 'legal')
    const before = await snapshot()
    await expect(addEvidence(input('door.png'), lawyer.id, database)).rejects.toBeInstanceOf(PolicyRefusal)
    expect(await snapshot()).toEqual(before)
  })

  it('leaves files already stored untouched when a later one is refused', async () => {
    const kept = await addEvidence(input('police-letter.pdf'), officerId, database)
    await expect(addEvidence(input('setup.png'), officerId, database)).rejects.toThrow('a Windows program')
    expect(await checkEvidenceUnchanged(kept.id, database)).toMatchObject({ unchanged: true })
  })
})

describe('removing evidence', () => {
  it('needs a reason, keeps the row and its bytes, and keeps the hash in the audit trail', async () => {
    const added = await addEvidence(input('door.png'), officerId, database)
    await expect(removeEvidence(added.id, ' ', officerId, database)).rejects.toBeInstanceOf(ValidationError)
    await expect(removeEvidence(added.id, '', officerId, database)).rejects.toThrow('reason — give a reason')

    const removed = await removeEvidence(added.id, 'Attached to the wrong incident', officerId, database)
    expect(removed.removed).toMatchObject({ by: officerId, reason: 'Attached to the wrong incident' })

    const stored = await listEvidenceForCase('case-fixture', database)
    expect(stored).toHaveLength(1)
    expect(stored[0]).toMatchObject({ sha256: added.sha256, size: added.size, fileName: 'door.png' })
    expect(sha256Hex(new Uint8Array(await (await getEvidenceBlob(added.id, database))!.arrayBuffer()))).toBe(added.sha256)

    const entries = (await database.audit.where('caseId').equals('case-fixture').toArray()).filter((e) => e.entityId === added.id)
    expect(entries.map((e) => e.action)).toEqual(['added', 'removed'])
    expect(entries[1].before).toMatchObject({ sha256: added.sha256, fileName: 'door.png' })
    expect(entries[1].after).toMatchObject({ sha256: added.sha256, removed: { reason: 'Attached to the wrong incident' } })
    expect((await verifyAuditChain(database)).ok).toBe(true)
  })

  it('refuses to remove twice, and lets the same file be added again after removal', async () => {
    const added = await addEvidence(input('tone.wav'), officerId, database)
    await removeEvidence(added.id, 'Attached to the wrong incident', officerId, database)
    await expect(removeEvidence(added.id, 'Again please', officerId, database)).rejects.toThrow('already removed')
    const again = await addEvidence(input('tone.wav', { incidentId: 'inc-2' }), officerId, database)
    expect(again.sha256).toBe(added.sha256)
    expect((await listEvidenceForIncident('inc-2', database)).map((e) => e.id)).toEqual([again.id])
  })

  it('refuses a legal-team profile', async () => {
    const added = await addEvidence(input('tone.wav'), officerId, database)
    const lawyer = await userIn(database, 'Lee Counsel', 'legal')
    await expect(removeEvidence(added.id, 'Not needed for the claim', lawyer.id, database)).rejects.toThrow(/needs the officer or manager or administrator role/)
    expect((await listEvidenceForCase('case-fixture', database))[0].removed).toBeUndefined()
  })
})

describe('space used by evidence', () => {
  it('adds up files still on cases and removed files kept for the record', async () => {
    const png = await addEvidence(input('door.png'), officerId, database)
    await addEvidence(input('noise-app.mp3'), officerId, database)
    await removeEvidence(png.id, 'Duplicate photo of the same door', officerId, database)
    expect(await evidenceStorageUse(database)).toEqual({ files: 1, bytes: 10060, removedFiles: 1, removedBytes: 172 })
  })
})

describe('when the disk fills or the file cannot be read', () => {
  it('turns a storage quota failure during the write into a plain refusal, storing nothing', async () => {
    const before = await snapshot()
    const add = vi.spyOn(database.evidence, 'add').mockRejectedValueOnce(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))
    await expect(addEvidence(input('door.png'), officerId, database)).rejects.toThrow('"door.png" was not added: this computer ran out of storage space while saving it')
    add.mockRestore()
    expect(await snapshot()).toEqual(before)
  })

  it('refuses a file that cannot be read, naming it', async () => {
    const vanished = new Blob([fixtureBytes('door.png')])
    vi.spyOn(vanished, 'arrayBuffer').mockRejectedValue(new DOMException('gone', 'NotReadableError'))
    await expect(addEvidence({ ...input('door.png'), file: vanished }, officerId, database)).rejects.toThrow('"door.png" was not added: it could not be read from the disk')
    expect(await database.evidence.count()).toBe(0)
  })
})
