import { z } from 'zod'
import { quarterContaining } from './periods'
import { round1 } from './rows'

/**
 * Manager quality sampling of closed cases: the checklist from the issue (case-file audits in
 * 003 §10.1 and the KPIs of 001 §15.3). Each item is met, not met, or not applicable to the case.
 */
export const qualityChecklist = [
  { id: 'contactOnTime', label: 'First contact made within the target for the risk band' },
  { id: 'actionPlanAgreed', label: 'Action plan agreed with the reporter' },
  { id: 'vulnerabilityAssessed', label: 'Vulnerability assessed' },
  { id: 'closureSummaryReadable', label: 'Closure summary is in plain, readable English' },
  { id: 'eiaWhereFormalAction', label: 'Equality Impact Assessment done where formal action was taken' },
] as const
export type QualityItemId = (typeof qualityChecklist)[number]['id']
export const qualityAnswers = ['met', 'not met', 'not applicable'] as const
export type QualityAnswer = (typeof qualityAnswers)[number]

export const qualityScoreSchema = z.object({
  answers: z.object(Object.fromEntries(qualityChecklist.map((item) => [item.id, z.enum(qualityAnswers, { message: `${item.label}: choose met, not met or not applicable` })])) as Record<QualityItemId, z.ZodEnum<{ met: 'met'; 'not met': 'not met'; 'not applicable': 'not applicable' }>>),
  note: z.string().trim().max(2000, 'must be 2,000 characters or fewer').default(''),
})
export type QualityScoreInput = z.input<typeof qualityScoreSchema>

export const sampleRequestSchema = z.object({
  from: z.iso.date('must be a date'),
  to: z.iso.date('must be a date'),
  size: z.number({ message: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(50, 'must be 50 or fewer'),
  officerId: z.string().optional(),
}).refine((r) => r.to >= r.from, { path: ['to'], message: 'must be on or after the start date' })

/** Score of one sampled case: items met out of items that apply, as a %; null when nothing applies. */
export function sampleScore(answers: Record<QualityItemId, QualityAnswer>): { met: number; applicable: number; percent: number | null } {
  const values = qualityChecklist.map((item) => answers[item.id])
  const met = values.filter((v) => v === 'met').length
  const applicable = values.filter((v) => v !== 'not applicable').length
  return { met, applicable, percent: applicable === 0 ? null : round1((met / applicable) * 100) }
}

/**
 * Picks `n` different items at random (partial Fisher–Yates). `random` is injectable so tests are
 * repeatable; the app passes a cryptographic source so a sample cannot be steered.
 */
export function pickSample<T>(items: readonly T[], n: number, random: () => number): T[] {
  const pool = [...items]
  const count = Math.min(n, pool.length)
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (pool.length - i))
    ;[pool[i], pool[j]] = [pool[j], pool[i]]
  }
  return pool.slice(0, count)
}

/** What the case record already says about each checklist item, offered to the manager to confirm. */
export interface QualityFacts {
  firstContactAt?: string
  firstContactDue: string
  actionPlanAgreed: boolean
  vulnerabilityAssessed: boolean
  closureSummaryStored: boolean
  formalActions: number
  formalActionsWithEia: number
}

export function suggestedAnswers(f: QualityFacts): Record<QualityItemId, QualityAnswer> {
  return {
    contactOnTime: f.firstContactAt && f.firstContactAt.slice(0, 10) <= f.firstContactDue.slice(0, 10) ? 'met' : 'not met',
    actionPlanAgreed: f.actionPlanAgreed ? 'met' : 'not met',
    vulnerabilityAssessed: f.vulnerabilityAssessed ? 'met' : 'not met',
    // Readability is the manager's judgement; with no summary stored it cannot be met.
    closureSummaryReadable: f.closureSummaryStored ? 'met' : 'not met',
    eiaWhereFormalAction: f.formalActions === 0 ? 'not applicable' : f.formalActionsWithEia === f.formalActions ? 'met' : 'not met',
  }
}

export interface ScoredSample {
  sampledAt: string
  answers?: Record<QualityItemId, QualityAnswer>
}

/** Average score of scored cases per reporting quarter (by when they were sampled), oldest first. */
export function scoresOverTime(samples: ScoredSample[], financialYearStartMonth = 4): { quarter: string; from: string; scored: number; averagePercent: number | null; byItem: Record<QualityItemId, number | null> }[] {
  const groups = new Map<string, { label: string; from: string; rows: Record<QualityItemId, QualityAnswer>[] }>()
  for (const s of samples) {
    if (!s.answers) continue
    const q = quarterContaining(s.sampledAt, financialYearStartMonth)
    const g = groups.get(q.from) ?? { label: q.label.replace(/ \(.*\)$/, ''), from: q.from, rows: [] }
    g.rows.push(s.answers)
    groups.set(q.from, g)
  }
  return [...groups.values()].sort((a, b) => a.from.localeCompare(b.from)).map((g) => {
    const percents = g.rows.map((a) => sampleScore(a).percent).filter((p): p is number => p !== null)
    const byItem = Object.fromEntries(qualityChecklist.map((item) => {
      const applicable = g.rows.filter((a) => a[item.id] !== 'not applicable')
      return [item.id, applicable.length === 0 ? null : round1((applicable.filter((a) => a[item.id] === 'met').length / applicable.length) * 100)]
    })) as Record<QualityItemId, number | null>
    return { quarter: g.label, from: g.from, scored: g.rows.length, averagePercent: percents.length === 0 ? null : round1(percents.reduce((x, y) => x + y, 0) / percents.length), byItem }
  })
}

/** One sampled case, as stored in `qualitySamples`. */
export interface QualitySample {
  id: string
  /** Cases drawn together share a batch (one "pick N cases" request). */
  batchId: string
  periodFrom: string
  periodTo: string
  caseId: string
  caseRef: string
  officerId: string
  sampledAt: string
  sampledBy: string
  suggested: Record<QualityItemId, QualityAnswer>
  answers?: Record<QualityItemId, QualityAnswer>
  note?: string
  scoredAt?: string
  scoredBy?: string
}
