import Dexie from 'dexie'
import { z } from 'zod'
import { checkAuditChain, sha256Hex, type AuditEntry } from '@/domain/audit'
import {
  BACKUP_FORMAT_VERSION, BackupRefusal, backupFileName, backupManifestSchema, checkSchemaVersion, countProblems, orderTables,
  type BackupManifest, type BackupReason,
} from '@/domain/backup'
import { PASSPHRASE_ITERATIONS, passphraseProblem } from '@/domain/passphrase'
import { canAdministerProfiles } from '@/domain/profileAdmin'
import { PolicyRefusal, ValidationError } from '@/domain/validation'
import { db, type WorkstationDatabase } from '../db'
import { auditedWrite, nowIso } from '../write'
import { decodeValue, deriveBackupKey, encodeValue, importBackupKey, openBackup, rawKeyBytes, sealBackup, toHex, type BackupKey } from './codec'
import { anyRow, rowSchemas } from './rowSchemas'

/**
 * Schema versions whose rows this app can restore. Add a version here only together with the
 * code that upgrades its rows (see src/data/db.ts and tests/unit/data/migrations.test.ts).
 */
export const RESTORABLE_SCHEMA_VERSIONS = [1] as const

const KEY_ROW = 'backup-key'
const STATE_ROW = 'backup-state'

type Tables = Record<string, unknown[]>

function tableOf(database: WorkstationDatabase, name: string) {
  return database.table(name)
}

/** Every table of the database: a table someone adds later is backed up without a code change. */
export function databaseTables(database: WorkstationDatabase): string[] {
  return orderTables(database.tables.map((t) => t.name))
}

/** Reads every table in one read transaction (a consistent snapshot), then encodes blobs outside it. */
export async function exportTables(database: WorkstationDatabase = db): Promise<Tables> {
  const names = databaseTables(database)
  const raw: Tables = {}
  await database.transaction('r', names.map((name) => tableOf(database, name)), async () => {
    for (const name of names) raw[name] = await tableOf(database, name).toArray()
  })
  const encoded: Tables = {}
  for (const name of names) encoded[name] = (await encodeValue(raw[name])) as unknown[]
  return encoded
}

export interface BuiltBackup {
  bytes: Uint8Array<ArrayBuffer>
  manifest: BackupManifest
  fileName: string
}

/** Builds one encrypted backup file of the whole database. */
export async function buildBackup(key: BackupKey, options: { reason: BackupReason; by: string; appVersion: string }, database: WorkstationDatabase = db): Promise<BuiltBackup> {
  if (!database.isOpen()) await database.open()
  const tables = await exportTables(database)
  const tablesJson = JSON.stringify(tables)
  const createdAt = nowIso()
  const manifest: BackupManifest = {
    format: 'asb-workstation-backup',
    formatVersion: BACKUP_FORMAT_VERSION,
    schemaVersion: database.verno,
    appVersion: options.appVersion,
    createdAt,
    createdBy: options.by,
    reason: options.reason,
    counts: Object.fromEntries(Object.entries(tables).map(([name, rows]) => [name, rows.length])),
    sha256: sha256Hex(new TextEncoder().encode(tablesJson)),
  }
  const plaintext = new TextEncoder().encode(`${JSON.stringify(manifest)}\n${tablesJson}`)
  const bytes = await sealBackup(plaintext, key, createdAt)
  return { bytes, manifest, fileName: backupFileName(createdAt, options.reason) }
}

/** A backup that has passed every check and is ready to replace the current data. */
export interface RestorePlan {
  manifest: BackupManifest
  tables: Tables
  /** The key the file was sealed with: used for the safety backup taken just before restoring. */
  key: BackupKey
}

const MAX_REPORTED = 5

/**
 * Decrypts and checks a backup completely without touching the database: passphrase, encryption
 * check, manifest, hash of the tables, schema version, counts, every row against its table's
 * schema, document hashes and the audit chain. Throws a BackupRefusal naming the first problems.
 */
export async function prepareRestore(file: Uint8Array, passphrase: string, database: WorkstationDatabase = db): Promise<RestorePlan> {
  if (!(file instanceof Uint8Array) || file.byteLength === 0) throw new BackupRefusal('not a backup', 'The file is empty, so it is not an ASB Workstation backup.')
  if (typeof passphrase !== 'string' || passphrase.length === 0) throw new BackupRefusal('wrong passphrase', 'Type the backup passphrase the file was made with.')
  const { plaintext, key } = await openBackup(file, passphrase)
  const text = new TextDecoder().decode(plaintext)
  const split = text.indexOf('\n')
  if (split < 0) throw new BackupRefusal('tampered', 'The backup has no manifest, so it cannot be checked.')
  let manifest: BackupManifest
  try {
    manifest = backupManifestSchema.parse(JSON.parse(text.slice(0, split)))
  } catch {
    throw new BackupRefusal('tampered', 'The backup manifest is not valid, so the file cannot be checked.')
  }
  if (manifest.formatVersion > BACKUP_FORMAT_VERSION) {
    throw new BackupRefusal('newer schema', `This backup uses a newer file format (${manifest.formatVersion}). Update ASB Workstation, then restore it.`)
  }
  if (!database.isOpen()) await database.open()
  checkSchemaVersion(manifest, database.verno, RESTORABLE_SCHEMA_VERSIONS)
  const tablesJson = text.slice(split + 1)
  if (sha256Hex(new TextEncoder().encode(tablesJson)) !== manifest.sha256) {
    throw new BackupRefusal('tampered', 'The backup data does not match the SHA-256 in its manifest, so it was changed after it was made.')
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(tablesJson)
  } catch {
    throw new BackupRefusal('tampered', 'The backup data cannot be read.')
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new BackupRefusal('invalid rows', 'The backup holds no tables.')
  const rawTables = parsed as Record<string, unknown>
  for (const [name, rows] of Object.entries(rawTables)) if (!Array.isArray(rows)) throw new BackupRefusal('invalid rows', `The ${name} table in the backup is not a list of rows.`)
  const expectedTables = databaseTables(database)
  const counted = countProblems(manifest, rawTables as Record<string, unknown[]>, expectedTables)
  if (counted.length) throw new BackupRefusal('invalid rows', `The backup does not match its manifest: ${counted.join('; ')}.`)

  const tables: Tables = {}
  const problems: string[] = []
  for (const name of expectedTables) {
    const rows = (rawTables[name] as unknown[]).map(decodeValue)
    const schema = rowSchemas[name] ?? anyRow
    rows.forEach((row, index) => {
      if (problems.length >= MAX_REPORTED) return
      const result = schema.safeParse(row)
      if (!result.success) {
        const issue = result.error.issues[0]
        problems.push(`row ${index + 1} of the ${name} table — ${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`)
      }
    })
    tables[name] = rows
  }
  for (const row of (tables.evidence ?? []) as { fileName: string; sha256: string; blob: Blob }[]) {
    if (problems.length >= MAX_REPORTED) break
    if (row.blob instanceof Blob && sha256Hex(new Uint8Array(await row.blob.arrayBuffer())) !== row.sha256) problems.push(`evidence "${row.fileName}" does not match its SHA-256`)
  }
  if (problems.length) throw new BackupRefusal('invalid rows', `The backup holds rows that are not valid, so nothing was restored: ${problems.join('; ')}.`)

  const chain = checkAuditChain([...((tables.audit ?? []) as AuditEntry[])].sort((a, b) => a.seq - b.seq))
  if (!chain.ok) throw new BackupRefusal('invalid rows', `The audit trail in the backup is broken at entry ${chain.brokenAtSeq}: ${chain.problem}.`)
  return { manifest, tables, key }
}

/**
 * Replaces every table with the backup's rows in ONE transaction (all or nothing) and audits the
 * restore on the restored chain. Only an administrator may restore: it replaces everyone's work.
 */
export async function applyRestore(plan: RestorePlan, by: string, database: WorkstationDatabase = db): Promise<BackupManifest> {
  const person = await database.users.get(by)
  if (!canAdministerProfiles(person)) throw new PolicyRefusal('Only an administrator can restore a backup: it replaces the whole caseload.')
  const names = databaseTables(database)
  return auditedWrite(by, (d) => names.filter((name) => name !== 'audit').map((name) => tableOf(d, name)), async ({ database: d, audit }) => {
    for (const name of names) await tableOf(d, name).clear()
    for (const name of names) if (plan.tables[name]?.length) await tableOf(d, name).bulkAdd(plan.tables[name] as never[])
    const { manifest } = plan
    await audit({ entity: 'backup', entityId: manifest.createdAt, action: 'restored', after: { createdAt: manifest.createdAt, reason: manifest.reason, sha256: manifest.sha256, counts: manifest.counts, restoredBy: person?.name } })
    return manifest
  }, database)
}

const keyRowSchema = z.object({ salt: z.string(), iterations: z.number().int(), check: z.string(), keyHex: z.string().regex(/^[0-9a-f]{64}$/), setAt: z.string(), setBy: z.string() })

/**
 * Sets the passphrase automatic backups are encrypted under. The derived AES key (not the
 * passphrase) is kept in this computer's database so scheduled backups run unattended. That does
 * not weaken them: the key protects backup files once they leave this computer, and anyone who
 * can read this database can already read the caseload itself. Restoring always needs the
 * passphrase typed in. Audited without the key.
 */
export async function setBackupPassphrase(by: string, passphrase: string, database: WorkstationDatabase = db, iterations = PASSPHRASE_ITERATIONS): Promise<void> {
  const problem = typeof passphrase === 'string' ? passphraseProblem(passphrase) : 'is required'
  if (problem) throw new ValidationError('The backup passphrase', [{ field: 'passphrase', message: problem }])
  const derived = await deriveBackupKey(passphrase, undefined, iterations)
  const keyHex = toHex(await rawKeyBytes(passphrase, derived.salt, iterations))
  await auditedWrite(by, (d) => [d.settings, d.users], async ({ database: d, audit }) => {
    const person = await d.users.get(by)
    if (!person || person.role === 'legal') throw new PolicyRefusal('Only an officer, manager or administrator can set the backup passphrase.')
    const row = { salt: derived.salt, iterations, check: derived.check, keyHex, setAt: nowIso(), setBy: by }
    await d.settings.put({ key: KEY_ROW, version: 1, value: row, updatedAt: row.setAt, updatedBy: by })
    await audit({ entity: 'settings', entityId: KEY_ROW, action: 'backup passphrase set', after: { setAt: row.setAt } })
  }, database)
}

export async function storedBackupKey(database: WorkstationDatabase = db): Promise<BackupKey | undefined> {
  // table() rather than .settings: also works on a database opened without its schema (below).
  const row = (await database.table('settings').get(KEY_ROW)) as { value?: unknown } | undefined
  const parsed = keyRowSchema.safeParse(row?.value)
  return parsed.success ? importBackupKey(parsed.data) : undefined
}

export const backupLogEntrySchema = z.object({ at: z.string(), fileName: z.string(), reason: z.string(), sha256: z.string(), size: z.number(), savedTo: z.string() })
export type BackupLogEntry = z.infer<typeof backupLogEntrySchema>
const stateSchema = z.object({ lastScheduledAt: z.string().optional(), log: z.array(backupLogEntrySchema).default([]) })
export type BackupState = z.infer<typeof stateSchema>

export async function readBackupState(database: WorkstationDatabase = db): Promise<BackupState> {
  const parsed = stateSchema.safeParse((await database.settings.get(STATE_ROW))?.value ?? {})
  return parsed.success ? parsed.data : { log: [] }
}

/** Notes a backup that was saved (audited), keeping the last 50 in the log shown in Settings. */
export async function recordBackupMade(by: string, built: BuiltBackup, savedTo: string, database: WorkstationDatabase = db): Promise<void> {
  const entry: BackupLogEntry = { at: built.manifest.createdAt, fileName: built.fileName, reason: built.manifest.reason, sha256: sha256Hex(built.bytes), size: built.bytes.byteLength, savedTo }
  await auditedWrite(by, (d) => [d.settings], async ({ database: d, audit }) => {
    const current = stateSchema.safeParse((await d.settings.get(STATE_ROW))?.value ?? {})
    const state: BackupState = current.success ? current.data : { log: [] }
    const next: BackupState = {
      lastScheduledAt: entry.reason === 'scheduled' ? entry.at : state.lastScheduledAt,
      log: [entry, ...state.log].slice(0, 50),
    }
    await d.settings.put({ key: STATE_ROW, version: 1, value: next, updatedAt: entry.at, updatedBy: by })
    await audit({ entity: 'backup', entityId: entry.fileName, action: 'made', after: entry })
  }, database)
}

/**
 * The backup taken before a schema upgrade. Call at start-up BEFORE the app's database is opened
 * (opening runs the upgrade): if the stored database is at an older version than `currentVersion`,
 * it is opened as it is (no schema declared, so nothing is upgraded) and backed up with the
 * stored backup key. Returns undefined when no upgrade is pending, or when no backup passphrase
 * was ever set (nothing to encrypt with: `skipped` says so, and the caller should warn).
 */
export async function backupBeforeMigration(name: string, currentVersion: number, appVersion: string): Promise<{ built?: BuiltBackup; skipped?: string } | undefined> {
  if (!(await Dexie.exists(name))) return undefined
  const stored = new Dexie(name)
  try {
    await stored.open()
    if (stored.verno >= currentVersion) return undefined
    const asWorkstation = stored as unknown as WorkstationDatabase
    const key = await storedBackupKey(asWorkstation)
    if (!key) return { skipped: 'No backup passphrase is set, so no backup could be made before the upgrade.' }
    return { built: await buildBackup(key, { reason: 'before migration', by: 'ASB Workstation (upgrade)', appVersion }, asWorkstation) }
  } finally {
    stored.close()
  }
}
