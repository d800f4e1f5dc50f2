import type { DocumentRecord } from '@/domain/caseRecords'
import type { CaseFile, LooseRow } from '@/domain/caseFile'
import { db, type WorkstationDatabase } from '../db'

export type { CaseFile, PartyWithPerson } from '@/domain/caseFile'

export async function loadCaseFile(caseId: string, database: WorkstationDatabase = db): Promise<CaseFile | undefined> {
  return database.transaction('r', [database.cases, database.caseParties, database.people, database.incidents, database.contacts, database.actions, database.interventions, database.assessments, database.formalActions, database.documents, database.evidence, database.surveys, database.notes], async () => {
    const found = await database.cases.get(caseId)
    if (!found) return undefined
    const parties = await database.caseParties.where('caseId').equals(caseId).toArray()
    const people = await database.people.bulkGet(parties.map((p) => p.personId))
    const documents: Omit<DocumentRecord, 'bytes'>[] = []
    await database.documents.where('caseId').equals(caseId).each((d) => {
      const { bytes: _bytes, ...meta } = d
      documents.push(meta)
    })
    const evidence: LooseRow[] = []
    await database.evidence.where('caseId').equals(caseId).each((e) => {
      // Blobs stay in the database until a preview asks for one.
      const { blob: _blob, ...meta } = e
      evidence.push(meta as LooseRow)
    })
    return {
      case: found,
      parties: parties.flatMap((p, i) => (people[i] ? [{ ...p, person: people[i] }] : [])),
      incidents: await database.incidents.where('[caseId+occurredAt]').between([caseId, ''], [caseId, '\uffff']).toArray(),
      contacts: await database.contacts.where('[caseId+at]').between([caseId, ''], [caseId, '\uffff']).toArray(),
      actions: await database.actions.where('caseId').equals(caseId).toArray(),
      interventions: await database.interventions.where('caseId').equals(caseId).toArray(),
      assessments: await database.assessments.where('caseId').equals(caseId).toArray(),
      formalActions: await database.formalActions.where('caseId').equals(caseId).toArray(),
      documents,
      evidence,
      surveys: await database.surveys.where('caseId').equals(caseId).toArray(),
      notes: await database.notes.where('caseId').equals(caseId).toArray(),
    }
  })
}
