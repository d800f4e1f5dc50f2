import { z } from 'zod'
import type { Intervention } from '../caseRecords'
import { ukDate } from '../workingDays'

/**
 * The proportionality exercise: the 14 points of LEGAL-NOTES §4, each answered yes / no / not
 * applicable with reasons, linked to the incidents, interventions and documents that support it.
 * Based on all the facts at the time [002 §5.6.3]; quality-checked by a manager [003 §5.3].
 * Point 14 (named approver) is answered by the approval itself, never typed by the author.
 */
export const proportionalityPoints = [
  { id: 'groundProvable', n: 1, title: 'Ground provable', question: 'Which ground and limb are relied on, which dated incidents and evidence prove it, and which tenancy clause was breached?', needsIncident: true, mustBeYes: true },
  { id: 'lesserSteps', n: 2, title: 'Lesser steps', question: 'Which earlier interventions were tried (warnings, ABA, mediation, support) and what happened — or why were they skipped (serious risk)?' },
  { id: 'lessIntrusiveAlternative', n: 3, title: 'Less intrusive alternative', question: 'Was a less intrusive alternative considered (injunction instead of possession, ABA, support package)? Why is it not enough?' },
  { id: 'legitimateAim', n: 4, title: 'Legitimate aim', question: 'What legitimate aim does the action serve (protecting neighbours, staff, the community)?', mustBeYes: true },
  { id: 'householdImpact', n: 5, title: 'Household impact', question: 'Impact on children, other occupants and risk of homelessness; has the local authority been informed?' },
  { id: 'disability', n: 6, title: 'Disability', question: 'Is a disability known or suspected, including mental health and addiction?' },
  { id: 'arisingFromDisability', n: 7, title: 'Equality Act 2010 s15', question: 'Is the conduct arising from a disability? If so, why is the action a proportionate means of achieving a legitimate aim (Akerman-Livingstone v Aster, 2015)?' },
  { id: 'reasonableAdjustments', n: 8, title: 's20 reasonable adjustments', question: 'Which reasonable adjustments were made (formats, support, advocates, timings)?' },
  { id: 'publicSectorEqualityDuty', n: 9, title: 'Public Sector Equality Duty (s149)', question: 'Was due regard had to all nine protected characteristics, with an open mind, before the decision (Bracking; Weaver v London & Quadrant)?', mustBeYes: true },
  { id: 'safeguarding', n: 10, title: 'Safeguarding', question: 'Exploitation, cuckooing, domestic abuse, child protection: which referrals were made?' },
  { id: 'capacity', n: 11, title: 'Capacity', question: 'Does the person understand the proceedings? Is a litigation friend needed? Is anyone under 18?' },
  { id: 'correctNotice', n: 12, title: 'Correct notice', question: 'Is the notice type right for the tenure, with the ground text, period and service deadline checked?' },
  { id: 'reviewOffered', n: 13, title: 'Review / Pre-Action Protocol', question: 'Was a review or the Pre-Action Protocol for Possession Claims by Social Landlords offered? Has Article 8 proportionality been considered (Pinnock, Powell)?' },
] as const
export type ProportionalityPointId = (typeof proportionalityPoints)[number]['id']

export const answerValues = ['yes', 'no', 'not applicable'] as const

const pointAnswerSchema = z.object({
  answer: z.enum(answerValues).optional(),
  reasons: z.string().trim().max(8000, 'must be 8,000 characters or fewer').default(''),
  incidentIds: z.array(z.string()).default([]),
  interventionIds: z.array(z.string()).default([]),
  documentIds: z.array(z.string()).default([]),
})
export type PointAnswer = z.infer<typeof pointAnswerSchema>

export const proportionalityAnswersSchema = z.object({
  points: z.partialRecord(z.enum(proportionalityPoints.map((p) => p.id) as [ProportionalityPointId, ...ProportionalityPointId[]]), pointAnswerSchema).default({}),
  statement: z.string().trim().max(8000, 'must be 8,000 characters or fewer').default(''),
})
export type ProportionalityAnswers = z.infer<typeof proportionalityAnswersSchema>

/** Reasons shorter than this are not reasons ("n/a", "yes"). */
export const MIN_REASON_LENGTH = 15
export const MIN_STATEMENT_LENGTH = 40

export interface GateProblem {
  /** The gate item and, for a form field, its path (so a form can show the message on the field). */
  item: 'proportionality' | 'eia' | 'approval' | 'second approval' | 'notice' | 'details'
  field?: string
  message: string
}

/** Every unanswered or unreasoned point, each with its own message. Empty when complete. */
export function proportionalityProblems(answers: ProportionalityAnswers | undefined): GateProblem[] {
  if (!answers) return [{ item: 'proportionality', message: 'The proportionality assessment has not been started.' }]
  const problems: GateProblem[] = []
  for (const point of proportionalityPoints) {
    const a = answers.points[point.id]
    const field = `points.${point.id}`
    const label = `Proportionality point ${point.n} (${point.title})`
    if (!a?.answer) {
      problems.push({ item: 'proportionality', field: `${field}.answer`, message: `${label} needs an answer.` })
      continue
    }
    if (a.reasons.length < MIN_REASON_LENGTH) problems.push({ item: 'proportionality', field: `${field}.reasons`, message: `${label} needs reasons (at least ${MIN_REASON_LENGTH} characters).` })
    if ('mustBeYes' in point && point.mustBeYes && a.answer !== 'yes') problems.push({ item: 'proportionality', field: `${field}.answer`, message: `${label} must be "yes" for the action to go ahead.` })
    if ('needsIncident' in point && point.needsIncident && a.incidentIds.length === 0) problems.push({ item: 'proportionality', field: `${field}.incidentIds`, message: `${label} needs at least one dated incident linked as proof.` })
  }
  if (answers.statement.length < MIN_STATEMENT_LENGTH) problems.push({ item: 'proportionality', field: 'statement', message: `The final proportionality statement is missing or too short (at least ${MIN_STATEMENT_LENGTH} characters).` })
  return problems
}

/** Pre-fills point 2 from the case's interventions, so the officer starts from what was tried. */
export function lesserStepsFromInterventions(interventions: Intervention[], againstPersonIds: string[]): PointAnswer {
  const relevant = interventions
    .filter((i) => !i.againstPersonId || againstPersonIds.includes(i.againstPersonId))
    .sort((a, b) => a.date.localeCompare(b.date))
  return {
    answer: relevant.length ? 'yes' : undefined,
    reasons: relevant.map((i) => `${ukDate(i.date)}: ${i.kind}${i.outcome ? ` — ${i.outcome}` : ''}`).join('\n'),
    incidentIds: [],
    interventionIds: relevant.map((i) => i.id),
    documentIds: [],
  }
}

export function emptyProportionality(): ProportionalityAnswers {
  return { points: {}, statement: '' }
}
