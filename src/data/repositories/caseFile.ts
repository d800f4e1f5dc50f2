import type { DocumentRecord } from '@/domain/caseRecords'
import type { CaseFile, LooseRow } from '@/domain/caseFile'
import { db, type WorkstationDatabase } from '../db'

export type { CaseFile, PartyWithPerson } from '@/domain/caseFile'

/**
 * Everything on one case, read in ONE read-only transaction so the parts agree with each other.
 * The reads are issued together (not one after another): IndexedDB serves them in parallel inside
 * the transaction, so opening a case costs about one round trip rather than twelve. Document bytes
 * and evidence blobs stay in the database until a preview or download asks for them.
 */
export async function loadCaseFile(caseId: string, database: WorkstationDatabase = db): Promise<CaseFile | undefined> {
  return database.transaction('r', [database.cases, database.caseParties, database.people, database.incidents, database.contacts, database.actions, database.interventions, database.assessments, database.formalActions, database.documents, database.evidence, database.surveys, database.notes], async () => {
    const documents: Omit<DocumentRecord, 'bytes'>[] = []
    const evidence: LooseRow[] = []
    const [found, parties, incidents, contacts, actions, interventions, assessments, formalActions, surveys, notes] = await Promise.all([
      database.cases.get(caseId),
      database.caseParties.where('caseId').equals(caseId).toArray().then(async (rows) => {
        const people = await database.people.bulkGet(rows.map((p) => p.personId))
        return rows.flatMap((p, i) => (people[i] ? [{ ...p, person: people[i] }] : []))
      }),
      database.incidents.where('[caseId+occurredAt]').between([caseId, ''], [caseId, '\uffff']).toArray(),
      database.contacts.where('[caseId+at]').between([caseId, ''], [caseId, '\uffff']).toArray(),
      database.actions.where('caseId').equals(caseId).toArray(),
      database.interventions.where('caseId').equals(caseId).toArray(),
      database.assessments.where('caseId').equals(caseId).toArray(),
      database.formalActions.where('caseId').equals(caseId).toArray(),
      database.surveys.where('caseId').equals(caseId).toArray(),
      database.notes.where('caseId').equals(caseId).toArray(),
      // A cursor, so each row's bytes/blob can be dropped as it arrives rather than all held at once.
      database.documents.where('caseId').equals(caseId).each((d) => {
        const { bytes: _bytes, ...meta } = d
        documents.push(meta)
      }),
      database.evidence.where('caseId').equals(caseId).each((e) => {
        const { blob: _blob, ...meta } = e
        evidence.push(meta as LooseRow)
      }),
    ])
    if (!found) return undefined
    return { case: found, parties, incidents, contacts, actions, interventions, assessments, formalActions, documents, evidence, surveys, notes }
  })
}
