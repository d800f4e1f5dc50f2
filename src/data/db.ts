import Dexie, { type EntityTable, type Table } from 'dexie'
import type { AsbCase } from '@/domain/cases'
import type { ActionItem, Assessment, Contact, DocumentRecord, Incident, Intervention } from '@/domain/caseRecords'
import type { CaseParty } from '@/domain/parties'
import type { Person } from '@/domain/people'
import type { User } from '@/domain/users'
import type { AuditEntry } from '@/domain/audit'
import type { LooseRow } from '@/domain/caseFile'
import type { QualitySample } from '@/domain/kpis/qualitySampling'

export type { LooseRow } from '@/domain/caseFile'

export interface SettingsRow {
  key: string
  version: number
  value: unknown
  updatedAt: string
  updatedBy: string
}

export interface CounterRow {
  key: string
  value: number
}

export const DATABASE_NAME = 'asb-workstation'

/**
 * The caseload database. Schema history is append-only: a released `version(n)` block is never
 * edited; a change adds `version(n + 1)` with an `upgrade()` and a test that upgrades a fixture.
 * Releasing a version: commit tests/fixtures/db-v<n>.json (stores + rows as that version stored
 * them) — tests/unit/data/migrations.test.ts opens every fixture and checks it upgrades intact —
 * add <n> to RESTORABLE_SCHEMA_VERSIONS (src/data/backup/backup.ts) once backups from older
 * versions can be upgraded on restore, give any new table a row schema in
 * src/data/backup/rowSchemas.ts, and take a 'before migration' backup before opening.
 */
export class WorkstationDatabase extends Dexie {
  cases!: EntityTable<AsbCase, 'id'>
  people!: EntityTable<Person, 'id'>
  caseParties!: EntityTable<CaseParty, 'id'>
  incidents!: EntityTable<Incident, 'id'>
  contacts!: EntityTable<Contact, 'id'>
  actions!: EntityTable<ActionItem, 'id'>
  interventions!: EntityTable<Intervention, 'id'>
  assessments!: EntityTable<Assessment, 'id'>
  formalActions!: Table<LooseRow, string>
  documents!: EntityTable<DocumentRecord, 'id'>
  evidence!: Table<LooseRow, string>
  surveys!: Table<LooseRow, string>
  notes!: Table<LooseRow, string>
  users!: EntityTable<User, 'id'>
  settings!: Table<SettingsRow, string>
  counters!: Table<CounterRow, string>
  audit!: Table<AuditEntry, number>
  qualitySamples!: EntityTable<QualitySample, 'id'>

  constructor(name = DATABASE_NAME) {
    super(name)
    // Version 1: every table of the data model (shared/DESIGN.md) with the indexes the caseload,
    // Today panel and reports query by.
    this.version(1).stores({
      cases: 'id, &ref, status, officerId, riskBand, category, openedAt, closedAt, [status+officerId]',
      people: 'id, surnameKey, postcodeKey, tenancyReference',
      caseParties: 'id, [caseId+personId], caseId, personId',
      incidents: 'id, caseId, [caseId+occurredAt]',
      contacts: 'id, caseId, [caseId+at]',
      actions: 'id, caseId, [status+due]',
      interventions: 'id, caseId, kind',
      assessments: 'id, caseId, [caseId+kind], formalActionId',
      formalActions: 'id, caseId, status',
      documents: 'id, caseId, kind, createdAt, [kind+caseId+createdAt]',
      evidence: 'id, caseId, incidentId, [caseId+sha256]',
      surveys: 'id, caseId, dueAt',
      notes: 'id, caseId, createdAt',
      users: 'id, name',
      settings: 'key',
      counters: 'key',
      audit: '++seq, caseId, at',
      qualitySamples: 'id, batchId, caseId, sampledAt',
    })
  }
}

export const db = new WorkstationDatabase()
