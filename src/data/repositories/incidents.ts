import { z } from 'zod'
import type { Incident } from '@/domain/caseRecords'
import { incidentFieldsSchema } from '@/domain/intake'
import { policySettings } from '@/domain/settings/policy'
import { isHistoric } from '@/domain/triage'
import { parseOrRefuse, ValidationError } from '@/domain/validation'
import { requireRole } from '../authz'
import { db, type WorkstationDatabase } from '../db'
import { CASE_WRITERS, localNow, localToday } from './cases'
import { readSettings } from './settings'
import { auditedWrite, newId, nowIso } from '../write'

/** Diary-sheet fields of one incident. [001 §12.2] */
export const incidentInputSchema = incidentFieldsSchema.extend({
  caseId: z.string().min(1, 'is required'),
  category: z.string().trim().max(120).optional(),
  reportedBy: z.string().optional(),
  /** When it was reported to us; counts for the ASB Case Review. */
  reportedAt: z.iso.date('must be a date').optional(),
})
export type IncidentInput = z.input<typeof incidentInputSchema>

interface Clock {
  now?: string
  today?: string
}

function refuseFuture(occurredAt: string, reportedAt: string | undefined, clock: Clock): void {
  const now = clock.now ?? localNow()
  if (occurredAt.slice(0, 16) > now.slice(0, 16)) throw new ValidationError('The incident', [{ field: 'occurredAt', message: "can't be in the future" }])
  if (reportedAt && reportedAt > (clock.today ?? localToday())) throw new ValidationError('The incident', [{ field: 'reportedAt', message: "can't be in the future" }])
  if (reportedAt && occurredAt.slice(0, 10) > reportedAt) throw new ValidationError('The incident', [{ field: 'occurredAt', message: 'is after the date it was reported' }])
}

/** Adds an incident to a case and refreshes the historic flag (a recent incident clears it). */
export async function addIncident(input: IncidentInput, by: string, clock: Clock = {}, database: WorkstationDatabase = db): Promise<Incident> {
  const valid = parseOrRefuse(incidentInputSchema, input, 'The incident')
  refuseFuture(valid.occurredAt, valid.reportedAt, clock)
  const policy = await readSettings(policySettings, database)
  return auditedWrite(by, (d) => [d.incidents, d.cases, d.caseParties, d.users], async ({ database: d, audit }) => {
    await requireRole(by, [...CASE_WRITERS], 'Recording an incident', d)
    const found = await d.cases.get(valid.caseId)
    if (!found) throw new ValidationError('The incident', [{ field: 'caseId', message: 'no such case' }])
    if (valid.reportedBy && !(await d.caseParties.where('[caseId+personId]').equals([found.id, valid.reportedBy]).first())) {
      throw new ValidationError('The incident', [{ field: 'reportedBy', message: 'is not a party to this case' }])
    }
    const at = nowIso()
    const incident: Incident = {
      id: newId(), caseId: found.id, occurredAt: valid.occurredAt, location: valid.location, category: valid.category || found.category,
      description: valid.description, ...(valid.reportedBy ? { reportedBy: valid.reportedBy } : {}), witnesses: valid.witnesses,
      evidenceRefs: valid.evidenceRefs, policeRef: valid.policeRef, reportedAt: valid.reportedAt ?? (clock.today ?? localToday()),
      createdAt: at, updatedAt: at, createdBy: by,
    }
    await d.incidents.add(incident)
    const latest = (await d.incidents.where('[caseId+occurredAt]').between([found.id, ''], [found.id, '\uffff']).last())?.occurredAt
    const historic = isHistoric(latest, clock.today ?? localToday(), policy.historicMonths)
    await d.cases.update(found.id, { historic, updatedAt: at })
    await audit({ caseId: found.id, entity: 'incident', entityId: incident.id, action: 'recorded', after: incident })
    return incident
  }, database)
}

export const incidentEditSchema = incidentFieldsSchema.partial().extend({
  category: z.string().trim().max(120).optional(),
  reason: z.string().trim().min(3, 'say why the incident is being changed').max(1000),
})

/** Edits an incident; the version before the edit is kept in its history with who, when and why. */
export async function editIncident(incidentId: string, input: z.input<typeof incidentEditSchema>, by: string, clock: Clock = {}, database: WorkstationDatabase = db): Promise<Incident> {
  const { reason, ...changes } = parseOrRefuse(incidentEditSchema, input, 'The incident')
  return auditedWrite(by, (d) => [d.incidents, d.users], async ({ database: d, audit }) => {
    await requireRole(by, [...CASE_WRITERS], 'Editing an incident', d)
    const found = await d.incidents.get(incidentId)
    if (!found) throw new ValidationError('The incident', [{ field: 'incidentId', message: 'no such incident' }])
    const { history = [], ...before } = found
    const next: Incident = { ...before, ...changes, updatedAt: nowIso() }
    refuseFuture(next.occurredAt, undefined, clock)
    const updated: Incident = { ...next, history: [...history, { at: next.updatedAt, by, reason, before }] }
    await d.incidents.put(updated)
    await audit({ caseId: found.caseId, entity: 'incident', entityId: found.id, action: 'edited', before, after: { ...next, reason } })
    return updated
  }, database)
}
