import type { AsbCase } from './cases'
import type { ActionItem, Assessment, Contact, DocumentRecord, Incident, Intervention } from './caseRecords'
import type { CaseParty } from './parties'
import type { Person } from './people'

/** Rows of tables whose full shape belongs to a later feature; typed loosely here, strictly there. */
export interface LooseRow {
  id: string
  caseId?: string
  [field: string]: unknown
}

export interface PartyWithPerson extends CaseParty {
  person: Person
}

/** Everything recorded on one case, read in one transaction so the parts agree with each other. */
export interface CaseFile {
  case: AsbCase
  parties: PartyWithPerson[]
  incidents: Incident[]
  contacts: Contact[]
  actions: ActionItem[]
  interventions: Intervention[]
  assessments: Assessment[]
  formalActions: LooseRow[]
  /** Document metadata (bytes are left out: load them on demand). */
  documents: Omit<DocumentRecord, 'bytes'>[]
  evidence: LooseRow[]
  surveys: LooseRow[]
  notes: LooseRow[]
}

