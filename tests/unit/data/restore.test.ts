import { describe, expect, it } from 'vitest'
import { applyRestore, buildBackup, prepareRestore, type RestorePlan } from '@/data/backup/backup'
import { deriveBackupKey, sealBackup } from '@/data/backup/codec'
import { sha256Hex } from '@/domain/audit'
import { BackupRefusal } from '@/domain/backup'
import type { WorkstationDatabase } from '@/data/db'
import { freshDatabase, userIn } from '../helpers/db'
import { insertCaseFixture } from '../helpers/caseFixture'

const ITERATIONS = 100_000
const PASS = 'river otter lantern'

async function setup() {
  const source = await freshDatabase()
  const admin = await userIn(source, 'Ada Admin')
  await insertCaseFixture(source, admin.id)
  const key = await deriveBackupKey(PASS, undefined, ITERATIONS)
  const built = await buildBackup(key, { reason: 'manual', by: admin.id, appVersion: 'test' }, source)
  // The database being restored into already holds other work, which a refusal must leave alone.
  const current = await freshDatabase()
  const currentAdmin = await userIn(current, 'Cal Current')
  await insertCaseFixture(current, currentAdmin.id, { id: 'case-current', ref: 'ASB-2026-00777' })
  return { source, admin, key, built, current, currentAdmin }
}

async function snapshot(database: WorkstationDatabase) {
  return {
    cases: await database.cases.toArray(), people: await database.people.toArray(), users: await database.users.toArray(),
    audit: await database.audit.toArray(), settings: await database.settings.toArray(),
  }
}

async function expectRefused(attempt: Promise<unknown>, problem: BackupRefusal['problem'], message: RegExp) {
  const error = await attempt.then(() => undefined, (e: unknown) => e)
  expect(error).toBeInstanceOf(BackupRefusal)
  expect((error as BackupRefusal).problem).toBe(problem)
  expect((error as Error).message).toMatch(message)
}

/** Builds a correctly encrypted file around a plaintext we choose, to test checks behind the encryption. */
async function sealed(key: Awaited<ReturnType<typeof deriveBackupKey>>, manifest: Record<string, unknown>, tablesJson: string) {
  return sealBackup(new TextEncoder().encode(`${JSON.stringify(manifest)}\n${tablesJson}`), key, new Date().toISOString())
}

async function decrypted(file: Uint8Array) {
  const plan = await prepareRestore(file, PASS, await freshDatabase())
  return plan
}

describe('restore refuses a bad file and changes nothing', () => {
  it('wrong passphrase', async () => {
    const { built, current } = await setup()
    const before = await snapshot(current)
    await expectRefused(prepareRestore(built.bytes, 'not the passphrase', current), 'wrong passphrase', /passphrase is not right/)
    expect(await snapshot(current)).toEqual(before)
  })

  it('truncated file', async () => {
    const { built, current } = await setup()
    const before = await snapshot(current)
    await expectRefused(prepareRestore(built.bytes.slice(0, built.bytes.length - 100), PASS, current), 'truncated', /incomplete \(truncated\)/)
    await expectRefused(prepareRestore(built.bytes.slice(0, 30), PASS, current), 'truncated', /stops inside its header/)
    expect(await snapshot(current)).toEqual(before)
  })

  it('one changed byte in the data, or a changed header', async () => {
    const { built, current } = await setup()
    const before = await snapshot(current)
    const tampered = built.bytes.slice()
    tampered[tampered.length - 200] ^= 0x01
    await expectRefused(prepareRestore(tampered, PASS, current), 'tampered', /changed or damaged since it was made/)
    // The header is plain text up to its second newline; back-date its createdAt.
    const headerEnd = built.bytes.indexOf(0x0a, built.bytes.indexOf(0x0a) + 1)
    const header = new TextDecoder().decode(built.bytes.slice(0, headerEnd))
    expect(header).toMatch(/"createdAt":"20/)
    const headerChanged = new TextEncoder().encode(header.replace(/"createdAt":"\d{4}/, '"createdAt":"1999'))
    const withNewHeader = new Uint8Array([...headerChanged, ...built.bytes.slice(headerEnd)])
    await expectRefused(prepareRestore(withNewHeader, PASS, current), 'tampered', /changed or damaged/)
    expect(await snapshot(current)).toEqual(before)
  })

  it('not a backup at all', async () => {
    const { current } = await setup()
    const before = await snapshot(current)
    await expectRefused(prepareRestore(new TextEncoder().encode('PK\u0003\u0004 a word document'), PASS, current), 'not a backup', /not an ASB Workstation backup/)
    await expectRefused(prepareRestore(new Uint8Array(), PASS, current), 'not a backup', /empty/)
    expect(await snapshot(current)).toEqual(before)
  })

  it('from a newer schema version', async () => {
    const { built, key, current } = await setup()
    const plan = await decrypted(built.bytes)
    const json = JSON.stringify(Object.fromEntries(Object.entries(plan.tables).map(([k, rows]) => [k, rows.map(() => ({}))])))
    const newer = await sealed(key, { ...plan.manifest, schemaVersion: 99, sha256: sha256Hex(new TextEncoder().encode(json)) }, json)
    const before = await snapshot(current)
    await expectRefused(prepareRestore(newer, PASS, current), 'newer schema', /newer version of ASB Workstation \(database version 99; this app knows up to version 1\)/)
    expect(await snapshot(current)).toEqual(before)
  })

  it('a manifest hash that does not match the data', async () => {
    const { built, key, current } = await setup()
    const plan = await decrypted(built.bytes)
    const forged = await sealed(key, { ...plan.manifest, sha256: 'a'.repeat(64) }, '{}')
    await expectRefused(prepareRestore(forged, PASS, current), 'tampered', /does not match the SHA-256 in its manifest/)
  })

  it('rows that fail their table schema, named by table, row and field', async () => {
    const { source, key, current, admin } = await setup()
    await source.cases.update('case-fixture', { ref: 'not a ref' })
    const built = await buildBackup(key, { reason: 'manual', by: admin.id, appVersion: 'test' }, source)
    const before = await snapshot(current)
    await expectRefused(prepareRestore(built.bytes, PASS, current), 'invalid rows', /row 1 of the cases table — ref: must be a case reference/)
    expect(await snapshot(current)).toEqual(before)
  })

  it('a document whose bytes no longer match their SHA-256', async () => {
    const { source, key, current, admin } = await setup()
    const bytes = new Uint8Array([1, 2, 3])
    await source.documents.add({
      id: 'doc-x', caseId: 'case-fixture', kind: 'warning letter', title: 'Warning', recipientName: 'D', fileName: 'w.docx', bytes, size: 3,
      sha256: sha256Hex(new Uint8Array([9, 9, 9])), templateVersion: '1', ruleSetVersion: '1', draft: false, createdBy: admin.id, createdAt: '2026-09-10T10:00:00.000Z',
    })
    const built = await buildBackup(key, { reason: 'manual', by: admin.id, appVersion: 'test' }, source)
    await expectRefused(prepareRestore(built.bytes, PASS, current), 'invalid rows', /documents table — bytes: the document bytes do not match their SHA-256/)
  })

  it('an audit trail edited before the backup was made', async () => {
    const { source, key, current, admin } = await setup()
    await source.audit.update(1, { action: 'nothing to see' })
    const built = await buildBackup(key, { reason: 'manual', by: admin.id, appVersion: 'test' }, source)
    await expectRefused(prepareRestore(built.bytes, PASS, current), 'invalid rows', /audit trail in the backup is broken at entry 1/)
  })
})

describe('applying a restore', () => {
  it('only an administrator may restore', async () => {
    const { built, current } = await setup()
    const officer = await userIn(current, 'Olly Officer')
    const plan = await prepareRestore(built.bytes, PASS, current)
    const before = await snapshot(current)
    await expect(applyRestore(plan, officer.id, current)).rejects.toThrow(/Only an administrator can restore/)
    expect(await snapshot(current)).toEqual(before)
  })

  it('is all or nothing: a failure part-way leaves the current data as it was', async () => {
    const { built, current, currentAdmin } = await setup()
    const plan = await prepareRestore(built.bytes, PASS, current)
    // Two cases with one reference break the unique index half-way through the writes.
    const broken: RestorePlan = { ...plan, tables: { ...plan.tables, cases: [...plan.tables.cases, { ...(plan.tables.cases[0] as object), id: 'dup' }] } }
    const before = await snapshot(current)
    await expect(applyRestore(broken, currentAdmin.id, current)).rejects.toThrow()
    expect(await snapshot(current)).toEqual(before)
  })
})
