import { z } from 'zod'
import { interventionKinds, type Intervention } from '@/domain/caseRecords'
import { parseOrRefuse, ValidationError } from '@/domain/validation'
import { db, type WorkstationDatabase } from '../db'
import { auditedWrite, newId, nowIso } from '../write'
import { requireRole } from '../authz'

export const interventionInputSchema = z.object({
  caseId: z.string().min(1, 'is required'),
  kind: z.enum(interventionKinds, { message: 'must be one of the listed interventions' }),
  date: z.iso.date('must be a date (YYYY-MM-DD)'),
  againstPersonId: z.string().optional(),
  outcome: z.string().trim().max(4000, 'must be 4,000 characters or fewer').default(''),
  reviewDue: z.iso.date('must be a date (YYYY-MM-DD)').optional(),
  documentId: z.string().optional(),
})
export type InterventionInput = z.input<typeof interventionInputSchema>

/** Records an intervention (warning, ABA, mediation, referral …) on a case. [001 §9.2, 002 §5.4.3] */
export async function recordIntervention(input: InterventionInput, by: string, database: WorkstationDatabase = db): Promise<Intervention> {
  const valid = parseOrRefuse(interventionInputSchema, input, 'The intervention')
  if (valid.reviewDue && valid.reviewDue < valid.date) {
    throw new ValidationError('The intervention', [{ field: 'reviewDue', message: 'must be on or after the intervention date' }])
  }
  return auditedWrite(by, (d) => [d.interventions, d.cases, d.users], async ({ database: d, audit }) => {
    // The legal role never edits case records (common contracts).
    await requireRole(by, ['officer', 'manager', 'administrator'], 'Recording an intervention', d)
    const found = await d.cases.get(valid.caseId)
    if (!found) throw new ValidationError('The intervention', [{ field: 'caseId', message: 'no such case' }])
    const intervention: Intervention = { ...valid, id: newId(), createdBy: by, createdAt: nowIso() }
    await d.interventions.add(intervention)
    // The first action on a case is a KPI (average working days to first action). [001 §15.3]
    if (!found.firstActionAt) await d.cases.update(found.id, { firstActionAt: valid.date, updatedAt: nowIso() })
    await audit({ caseId: valid.caseId, entity: 'intervention', entityId: intervention.id, action: 'recorded', after: intervention })
    return intervention
  }, database)
}

export const interventionReviewSchema = z.object({
  interventionId: z.string('must be an intervention id').min(1, 'is required').max(200, 'is not an intervention id'),
  date: z.iso.date('must be a date (YYYY-MM-DD)'),
  outcome: z.string('must be text').trim().min(5, 'must say what the review found (5 characters or more)').max(4000, 'must be 4,000 characters or fewer'),
})
export type InterventionReviewInput = z.input<typeof interventionReviewSchema>

/**
 * Records the review of an intervention that had a review date (an ABA is reviewed at 3 months
 * by default — LEGAL-NOTES §5). Once reviewed it leaves the Today panel. Audited with before/after.
 */
export async function recordInterventionReview(input: InterventionReviewInput, by: string, database: WorkstationDatabase = db): Promise<Intervention> {
  const valid = parseOrRefuse(interventionReviewSchema, input, 'The review')
  return auditedWrite(by, (d) => [d.interventions, d.users], async ({ database: d, audit }) => {
    await requireRole(by, ['officer', 'manager', 'administrator'], 'Recording a review', d)
    const found = await d.interventions.get(valid.interventionId)
    if (!found) throw new ValidationError('The review', [{ field: 'interventionId', message: 'no such intervention' }])
    if (!found.reviewDue) throw new ValidationError('The review', [{ field: 'interventionId', message: `this ${found.kind} has no review date` }])
    if (found.review) throw new ValidationError('The review', [{ field: 'interventionId', message: `this ${found.kind} was already reviewed on ${found.review.date}` }])
    if (valid.date < found.date) throw new ValidationError('The review', [{ field: 'date', message: 'must be on or after the intervention date' }])
    const updated: Intervention = { ...found, review: { date: valid.date, outcome: valid.outcome, by, recordedAt: nowIso() } }
    await d.interventions.put(updated)
    await audit({ caseId: found.caseId, entity: 'intervention', entityId: found.id, action: 'reviewed', before: found, after: updated })
    return updated
  }, database)
}
