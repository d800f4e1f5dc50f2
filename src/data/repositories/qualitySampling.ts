import {
  pickSample, qualityScoreSchema, sampleRequestSchema, suggestedAnswers,
  type QualitySample, type QualityScoreInput,
} from '@/domain/kpis/qualitySampling'
import { parseOrRefuse, PolicyRefusal, ValidationError } from '@/domain/validation'
import { requireDifferentPerson, requireRole } from '../authz'
import { db, type WorkstationDatabase } from '../db'
import { auditedWrite, newId, nowIso } from '../write'

/** A cryptographic source for the draw, so nobody can steer which cases are checked. */
function secureRandom(): number {
  const word = new Uint32Array(1)
  crypto.getRandomValues(word)
  return word[0] / 4294967296
}

const MANAGERS = ['manager', 'administrator'] as const

/**
 * Draws `size` random closed cases for a period (closed in it), optionally for one officer, and
 * stores them as a batch to score. Cases already sampled are not drawn again. The checklist's
 * answers are suggested from the case record; the manager confirms or corrects them.
 */
export async function drawQualitySample(
  input: { from: string; to: string; size: number; officerId?: string },
  by: string,
  database: WorkstationDatabase = db,
  random: () => number = secureRandom,
): Promise<QualitySample[]> {
  const request = parseOrRefuse(sampleRequestSchema, input, 'The quality sample')
  return auditedWrite(by, (d) => [d.users, d.cases, d.qualitySamples, d.actions, d.assessments, d.documents, d.formalActions], async ({ database: d, audit }) => {
    await requireRole(by, [...MANAGERS], 'Drawing a quality sample', d)
    const already = new Set(await d.qualitySamples.orderBy('caseId').uniqueKeys())
    const closed = (await d.cases.where('closedAt').between(request.from, `${request.to}\uffff`, true, true).toArray())
      .filter((c) => c.status === 'closed' && !already.has(c.id) && (!request.officerId || c.officerId === request.officerId))
    if (closed.length === 0) throw new PolicyRefusal('No closed cases are left to sample in that period: every case closed then has been sampled, or none was closed.')
    const chosen = pickSample(closed, request.size, random)
    const batchId = newId()
    const now = nowIso()
    const samples: QualitySample[] = []
    for (const c of chosen) {
      const [actions, vulnerability, summaries, formal] = await Promise.all([
        d.actions.where('caseId').equals(c.id).toArray(),
        d.assessments.where('[caseId+kind]').equals([c.id, 'vulnerability']).count(),
        d.documents.where('[kind+caseId+createdAt]').between(['closure summary', c.id, ''], ['closure summary', c.id, '\uffff']).count(),
        d.formalActions.where('caseId').equals(c.id).filter((a) => a.status === 'approved' || a.status === 'served').toArray(),
      ])
      const eias = formal.length === 0 ? [] : await d.assessments.where('formalActionId').anyOf(formal.map((a) => String(a.id))).filter((a) => a.kind === 'eia' && Boolean(a.completedAt)).toArray()
      const suggested = suggestedAnswers({
        firstContactAt: c.firstContactAt, firstContactDue: c.firstContactDue,
        actionPlanAgreed: actions.some((a) => Boolean(a.agreedWithReporterAt)),
        vulnerabilityAssessed: vulnerability > 0,
        closureSummaryStored: summaries > 0,
        formalActions: formal.length,
        formalActionsWithEia: new Set(eias.map((e) => e.formalActionId)).size,
      })
      samples.push({ id: newId(), batchId, periodFrom: request.from, periodTo: request.to, caseId: c.id, caseRef: c.ref, officerId: c.officerId, sampledAt: now, sampledBy: by, suggested })
    }
    await d.qualitySamples.bulkAdd(samples)
    await audit({ entity: 'quality sample', entityId: batchId, action: 'drew quality sample', after: { from: request.from, to: request.to, officerId: request.officerId, cases: samples.map((s) => s.caseRef) } })
    return samples
  }, database)
}

/** Records the manager's checklist answers for one sampled case. A manager never scores their own case. */
export async function scoreQualitySample(sampleId: string, input: QualityScoreInput, by: string, database: WorkstationDatabase = db): Promise<QualitySample> {
  const valid = parseOrRefuse(qualityScoreSchema, input, 'The quality check')
  return auditedWrite(by, (d) => [d.users, d.qualitySamples], async ({ database: d, audit }) => {
    await requireRole(by, [...MANAGERS], 'Scoring a quality sample', d)
    const before = await d.qualitySamples.get(sampleId)
    if (!before) throw new ValidationError('The quality check', [{ field: 'sampleId', message: 'no such sampled case' }])
    requireDifferentPerson(before.officerId, by, `Quality-checking ${before.caseRef}`)
    const after: QualitySample = { ...before, answers: valid.answers, note: valid.note, scoredAt: nowIso(), scoredBy: by }
    await d.qualitySamples.put(after)
    await audit({ caseId: before.caseId, entity: 'quality sample', entityId: sampleId, action: before.answers ? 'rescored' : 'scored', before: before.answers, after: { answers: valid.answers, note: valid.note } })
    return after
  }, database)
}

/** Every sampled case, newest draw first. */
export async function listQualitySamples(database: WorkstationDatabase = db): Promise<QualitySample[]> {
  return (await database.qualitySamples.orderBy('sampledAt').reverse().toArray())
}
