import { z } from 'zod'

/**
 * Backups: one file holding every table of the caseload, encrypted. This module holds the rules
 * (what a manifest must say, which schema versions can be restored, when a backup is due, which
 * old backups to delete); src/data/backup does the reading, writing and cryptography.
 *
 * File layout (bytes):
 *   line 1  `ASB-WORKSTATION-BACKUP 1`
 *   line 2  JSON header: key derivation (PBKDF2-SHA-256 salt, iterations), a passphrase check
 *           value, AES-GCM IV and the ciphertext length — all authenticated as AES-GCM's
 *           additional data, so changing the header breaks decryption
 *   rest    AES-GCM ciphertext of: manifest JSON, newline, tables JSON
 */
export const BACKUP_MAGIC = 'ASB-WORKSTATION-BACKUP 1'
export const BACKUP_FORMAT_VERSION = 1
export const BACKUP_FILE_EXTENSION = 'asbbackup'

/**
 * The tables known when this was written, in the order they are listed in a backup. A backup
 * carries EVERY table of the database (tables added later are appended), so nothing is lost.
 */
export const backupTables = [
  'users', 'settings', 'counters', 'people', 'cases', 'caseParties', 'incidents', 'contacts', 'actions', 'interventions',
  'assessments', 'formalActions', 'documents', 'evidence', 'surveys', 'notes', 'qualitySamples', 'audit',
] as const
export type BackupTable = (typeof backupTables)[number]

/** Known tables first in their usual order, then any others the database has. */
export function orderTables(names: string[]): string[] {
  const known = (backupTables as readonly string[]).filter((name) => names.includes(name))
  return [...known, ...names.filter((name) => !known.includes(name)).sort()]
}

const hex = (length: number) => z.string().regex(new RegExp(`^[0-9a-f]{${length}}$`), `must be ${length} hexadecimal characters`)

export const backupHeaderSchema = z.object({
  kdf: z.object({ algorithm: z.literal('PBKDF2-SHA-256'), iterations: z.number().int().min(100_000).max(10_000_000), salt: hex(32) }),
  check: hex(64),
  cipher: z.object({ algorithm: z.literal('AES-GCM'), iv: hex(24) }),
  ciphertextLength: z.number().int().min(17),
  createdAt: z.iso.datetime(),
})
export type BackupHeader = z.infer<typeof backupHeaderSchema>

export const backupReasons = ['manual', 'scheduled', 'before restore', 'before migration'] as const
export type BackupReason = (typeof backupReasons)[number]

export const backupManifestSchema = z.object({
  format: z.literal('asb-workstation-backup'),
  formatVersion: z.number().int(),
  /** Dexie schema version of the database the rows came from. */
  schemaVersion: z.number().int().min(1),
  appVersion: z.string(),
  createdAt: z.iso.datetime(),
  createdBy: z.string(),
  reason: z.enum(backupReasons),
  counts: z.record(z.string(), z.number().int().min(0)),
  /** SHA-256 of the tables JSON exactly as stored after the manifest. */
  sha256: hex(64),
})
export type BackupManifest = z.infer<typeof backupManifestSchema>

/** A refused restore: the message says exactly what is wrong with the file; nothing was changed. */
export class BackupRefusal extends Error {
  constructor(
    readonly problem: 'not a backup' | 'truncated' | 'wrong passphrase' | 'tampered' | 'newer schema' | 'unknown schema' | 'invalid rows',
    message: string,
  ) {
    super(message)
    this.name = 'BackupRefusal'
  }
}

/**
 * Decides whether rows from `manifest` can go into a database at `currentSchemaVersion`.
 * A newer backup cannot: this app would not understand its rows. An older one could only be
 * restored through the upgrade path; until a second schema version exists there is none.
 */
export function checkSchemaVersion(manifest: Pick<BackupManifest, 'schemaVersion'>, currentSchemaVersion: number, restorableVersions: readonly number[]): void {
  if (manifest.schemaVersion > currentSchemaVersion) {
    throw new BackupRefusal('newer schema', `This backup was made by a newer version of ASB Workstation (database version ${manifest.schemaVersion}; this app knows up to version ${currentSchemaVersion}). Update the app, then restore it.`)
  }
  if (!restorableVersions.includes(manifest.schemaVersion)) {
    throw new BackupRefusal('unknown schema', `This backup's database version (${manifest.schemaVersion}) is not one this app can restore (it can restore ${restorableVersions.join(', ')}).`)
  }
}

/** The counts in the manifest must match the rows actually in the file, table by table. */
export function countProblems(manifest: Pick<BackupManifest, 'counts'>, tables: Record<string, unknown[]>, expectedTables: readonly string[]): string[] {
  const problems: string[] = []
  for (const name of expectedTables) {
    if (!(name in tables)) problems.push(`the ${name} table is missing`)
    else if (manifest.counts[name] !== tables[name].length) problems.push(`the manifest says ${manifest.counts[name] ?? 0} ${name} rows but the file holds ${tables[name].length}`)
  }
  for (const name of Object.keys(tables)) if (!expectedTables.includes(name)) problems.push(`the file holds an unknown table "${name}"`)
  return problems
}

const intervalDays: Record<'daily' | 'weekly', number> = { daily: 1, weekly: 7 }

/** A scheduled backup is due when none has been made within the schedule's interval. */
export function scheduledBackupDue(schedule: 'daily' | 'weekly' | 'off', lastScheduledAt: string | undefined, now: Date): boolean {
  if (schedule === 'off') return false
  if (!lastScheduledAt) return true
  return now.getTime() - new Date(lastScheduledAt).getTime() >= intervalDays[schedule] * 86_400_000 - 60_000
}

/** Backup files to delete so that only the newest `keep` remain (names sort by their timestamp). */
export function backupsToPrune(fileNames: string[], keep: number): string[] {
  const ours = fileNames.filter((name) => backupFileNamePattern.test(name)).sort()
  return ours.slice(0, Math.max(0, ours.length - keep))
}

export const backupFileNamePattern = /^asb-workstation-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z-[a-z-]+\.asbbackup$/

/** asb-workstation-2026-11-25T08-15-00Z-scheduled.asbbackup: sorts by time, says why it was made. */
export function backupFileName(createdAt: string, reason: BackupReason): string {
  const stamp = createdAt.slice(0, 19).replace(/:/g, '-')
  return `asb-workstation-${stamp}Z-${reason.replace(/ /g, '-')}.${BACKUP_FILE_EXTENSION}`
}
