import { existsSync, readFileSync } from 'node:fs'
import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import { WorkstationDatabase } from '@/data/db'
import { verifyAuditChain } from '@/data/audit'
import { decodeValue } from '@/data/backup/codec'
import { rowSchemas } from '@/data/backup/rowSchemas'
import { backupBeforeMigration, prepareRestore, setBackupPassphrase } from '@/data/backup/backup'
import { freshDatabase } from '../helpers/db'
import { sha256Hex } from '@/domain/audit'

/**
 * Schema history is append-only. For every released schema version there is a fixture
 * (tests/fixtures/db-vN.json: the stores as that version declared them and rows as it stored
 * them). Each fixture is written into a database created at ITS version, then opened with the
 * current WorkstationDatabase, which must upgrade it with every row intact.
 * Releasing version N+1: add `version(N + 1)` with its `upgrade()` in src/data/db.ts and commit a
 * db-v(N+1).json made from a database at that version; never edit an older fixture.
 */
interface Fixture {
  schemaVersion: number
  stores: Record<string, string>
  tables: Record<string, unknown[]>
}

const fixturePath = (version: number) => `tests/fixtures/db-v${version}.json`
const loadFixture = (version: number): Fixture => JSON.parse(readFileSync(fixturePath(version), 'utf8')) as Fixture

let counter = 0
async function databaseAtVersion(fixture: Fixture): Promise<string> {
  const name = `migration-${fixture.schemaVersion}-${Date.now()}-${counter++}`
  const old = new Dexie(name)
  old.version(fixture.schemaVersion).stores(fixture.stores)
  await old.open()
  await old.transaction('rw', old.tables, async () => {
    for (const [table, rows] of Object.entries(fixture.tables)) await old.table(table).bulkAdd(rows.map(decodeValue))
  })
  old.close()
  return name
}

async function currentVersion(): Promise<number> {
  const probe = new WorkstationDatabase(`probe-${Date.now()}`)
  await probe.open()
  const version = probe.verno
  probe.close()
  return version
}

describe('migrations', () => {
  it('has a fixture for every released schema version', async () => {
    const latest = await currentVersion()
    for (let v = 1; v <= latest; v++) expect(existsSync(fixturePath(v)), `${fixturePath(v)} is missing`).toBe(true)
  })

  it('every released fixture opens at the current version with its data intact', async () => {
    const latest = await currentVersion()
    for (let v = 1; v <= latest; v++) {
      const fixture = loadFixture(v)
      const name = await databaseAtVersion(fixture)
      const database = new WorkstationDatabase(name)
      await database.open()
      expect(database.verno).toBe(latest)
      for (const [table, rows] of Object.entries(fixture.tables)) {
        const stored = await database.table(table).toArray()
        expect(stored, `${table} rows after upgrade from v${v}`).toEqual(rows.map(decodeValue))
      }
      // Indexes the app queries by still answer.
      const someCase = fixture.tables.cases[0] as { ref: string; id: string }
      expect((await database.cases.where('ref').equals(someCase.ref).first())?.id).toBe(someCase.id)
      expect(await database.incidents.where('caseId').equals(someCase.id).count()).toBe(fixture.tables.incidents.length)
      expect(await database.people.where('tenancyReference').equals('T204417').count()).toBe(2)
      const doc = (await database.documents.toArray())[0]
      expect(sha256Hex(doc.bytes)).toBe(doc.sha256)
      expect(await verifyAuditChain(database)).toMatchObject({ ok: true, checked: fixture.tables.audit.length })
      database.close()
    }
  })

  it('every table of the current schema has a row schema, so a restore checks every row', () => {
    const database = new WorkstationDatabase('row-schema-probe')
    for (const table of database.tables) expect(rowSchemas[table.name], `no row schema for ${table.name} in src/data/backup/rowSchemas.ts`).toBeDefined()
  })
})

describe('backup before a migration', () => {
  it('backs up a database at an older version before it is upgraded, and does nothing when none is pending', async () => {
    const fixture = loadFixture(1)
    const name = await databaseAtVersion(fixture)
    const admin = (fixture.tables.users as { id: string; administrator: boolean }[]).find((u) => u.administrator)!
    const opened = new WorkstationDatabase(name)
    await setBackupPassphrase(admin.id, 'river otter lantern', opened, 100_000)
    opened.close()

    expect(await backupBeforeMigration(name, 1, 'test')).toBeUndefined()
    // Pretend this app's schema is version 2: the v1 database is backed up as it stands.
    const result = await backupBeforeMigration(name, 2, 'test')
    expect(result?.built?.manifest).toMatchObject({ schemaVersion: 1, reason: 'before migration', counts: { cases: fixture.tables.cases.length, audit: fixture.tables.audit.length + 1 } })
    expect(result?.built?.fileName).toMatch(/-before-migration\.asbbackup$/)
    const plan = await prepareRestore(result!.built!.bytes, 'river otter lantern', await freshDatabase())
    expect(plan.tables.cases).toEqual(fixture.tables.cases.map(decodeValue))
    expect(await backupBeforeMigration('no-such-database', 2, 'test')).toBeUndefined()
  })

  it('says so when no backup passphrase was ever set', async () => {
    const name = await databaseAtVersion(loadFixture(1))
    expect(await backupBeforeMigration(name, 2, 'test')).toEqual({ skipped: 'No backup passphrase is set, so no backup could be made before the upgrade.' })
  })
})
