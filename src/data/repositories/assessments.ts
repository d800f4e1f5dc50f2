import { z } from 'zod'
import type { Assessment } from '@/domain/caseRecords'
import type { AsbCase } from '@/domain/cases'
import { assessRisk } from '@/domain/riskMatrix'
import { policySettings, riskFactors } from '@/domain/settings/policy'
import { routingSettings } from '@/domain/settings/routingSettings'
import { triageCategory } from '@/domain/triage'
import { parseOrRefuse, ValidationError } from '@/domain/validation'
import { assessVulnerability, vulnerabilityAnswersSchema } from '@/domain/vulnerability'
import { requireRole } from '../authz'
import { db, type WorkstationDatabase } from '../db'
import { CASE_WRITERS } from './cases'
import { readSettings } from './settings'
import { auditedWrite, newId, nowIso } from '../write'

const score = z.number({ message: 'must be scored from 1 to 5' }).int('must be scored from 1 to 5').min(1, 'must be scored from 1 to 5').max(5, 'must be scored from 1 to 5')
export const riskReassessmentSchema = z.object({
  ...(Object.fromEntries(riskFactors.map((f) => [f, score])) as Record<(typeof riskFactors)[number], typeof score>),
  violence: z.boolean().default(false),
  reason: z.string().trim().min(3, 'say why the risk is being reassessed').max(2000, 'must be 2,000 characters or fewer'),
})

async function nextVersion(database: WorkstationDatabase, caseId: string, kind: Assessment['kind'], subjectPersonId?: string): Promise<number> {
  const rows = await database.assessments.where('[caseId+kind]').equals([caseId, kind]).toArray()
  return rows.filter((r) => r.subjectPersonId === subjectPersonId).reduce((max, r) => Math.max(max, r.version), 0) + 1
}

/**
 * Reassesses risk during the case: a new version is added (none is overwritten) with who, when
 * and why, and the case's band follows it. [000 §4, 002 §5.1]
 */
export async function reassessRisk(caseId: string, input: z.input<typeof riskReassessmentSchema>, by: string, database: WorkstationDatabase = db): Promise<Assessment> {
  const { reason, violence, ...scores } = parseOrRefuse(riskReassessmentSchema, input, 'The risk assessment')
  const [policy, routing] = await Promise.all([readSettings(policySettings, database), readSettings(routingSettings, database)])
  return auditedWrite(by, (d) => [d.assessments, d.cases, d.users], async ({ database: d, audit }) => {
    await requireRole(by, [...CASE_WRITERS], 'Reassessing risk', d)
    const found = await d.cases.get(caseId)
    if (!found) throw new ValidationError('The risk assessment', [{ field: 'caseId', message: 'no such case' }])
    const risk = assessRisk({ scores, violence, hateRelated: found.hateRelated, domesticAbuse: found.domesticAbuse, categoryBand: triageCategory(routing, found.category)?.band }, policy.riskMatrix)
    const at = nowIso()
    const assessment: Assessment = {
      id: newId(), caseId, kind: 'risk', version: await nextVersion(d, caseId, 'risk'),
      answers: { ...scores, violence, score: risk.score, previousBand: found.riskBand }, result: risk.band,
      reason: [reason, ...risk.reasons].join(' '), completedAt: at, by, at,
    }
    await d.assessments.add(assessment)
    const changes: Partial<AsbCase> = { riskBand: risk.band, updatedAt: at }
    await d.cases.update(caseId, changes)
    await audit({ caseId, entity: 'assessment', entityId: assessment.id, action: 'risk reassessed', before: { riskBand: found.riskBand }, after: assessment })
    return assessment
  }, database)
}

export const vulnerabilityInputSchema = z.object({
  subjectPersonId: z.string().min(1, 'choose whose vulnerability is assessed'),
  answers: vulnerabilityAnswersSchema,
  notes: z.string().trim().max(4000, 'must be 4,000 characters or fewer').default(''),
})

/** Records a vulnerability assessment (versioned per person) and the actions it triggers. [001 §15.3] */
export async function recordVulnerabilityAssessment(caseId: string, input: z.input<typeof vulnerabilityInputSchema>, by: string, database: WorkstationDatabase = db): Promise<Assessment> {
  const valid = parseOrRefuse(vulnerabilityInputSchema, input, 'The vulnerability assessment')
  const outcome = assessVulnerability(valid.answers)
  return auditedWrite(by, (d) => [d.assessments, d.cases, d.caseParties, d.users], async ({ database: d, audit }) => {
    await requireRole(by, [...CASE_WRITERS], 'Recording a vulnerability assessment', d)
    const found = await d.cases.get(caseId)
    if (!found) throw new ValidationError('The vulnerability assessment', [{ field: 'caseId', message: 'no such case' }])
    if (!(await d.caseParties.where('[caseId+personId]').equals([caseId, valid.subjectPersonId]).first())) {
      throw new ValidationError('The vulnerability assessment', [{ field: 'subjectPersonId', message: 'is not a party to this case' }])
    }
    const at = nowIso()
    const assessment: Assessment = {
      id: newId(), caseId, kind: 'vulnerability', version: await nextVersion(d, caseId, 'vulnerability', valid.subjectPersonId), subjectPersonId: valid.subjectPersonId,
      answers: { ...valid.answers, actions: outcome.actions, notes: valid.notes }, result: outcome.result,
      reason: outcome.actions.length ? `Actions: ${outcome.actions.join('; ')}.` : 'No actions triggered.', completedAt: at, by, at,
    }
    await d.assessments.add(assessment)
    await audit({ caseId, entity: 'assessment', entityId: assessment.id, action: 'vulnerability assessed', after: assessment })
    return assessment
  }, database)
}
