import type { RiskBand } from './cases'
import { riskFactors, type PolicySettings, type RiskFactor } from './settings/policy'

/**
 * The risk matrix: harm, frequency, victim vulnerability, impact and escalation, each scored 1–5,
 * weighted by the organisation's settings. [000 §4, 002 §5.1] Hate crime, domestic abuse and
 * physical violence always force High. [001 §6.4]
 */
export type RiskScores = Record<RiskFactor, number>

export interface RiskInput {
  scores: RiskScores
  hateRelated: boolean
  domesticAbuse: boolean
  violence: boolean
  /** The category's default band from the routing table: the matrix never lowers it. */
  categoryBand?: RiskBand
}

export interface RiskResult {
  band: RiskBand
  score: number
  maxScore: number
  /** Why the band is what it is, in plain words (kept on the assessment). */
  reasons: string[]
}

const rank: Record<RiskBand, number> = { Standard: 0, Medium: 1, High: 2 }
const higher = (a: RiskBand, b: RiskBand): RiskBand => (rank[a] >= rank[b] ? a : b)

export function riskProblems(scores: Partial<RiskScores>): { factor: RiskFactor; message: string }[] {
  return riskFactors.flatMap((factor) => {
    const v = scores[factor]
    return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 5 ? [] : [{ factor, message: 'must be scored from 1 to 5' }]
  })
}

export function assessRisk(input: RiskInput, matrix: PolicySettings['riskMatrix']): RiskResult {
  const problems = riskProblems(input.scores)
  if (problems.length) throw new RangeError(`Risk scores: ${problems.map((p) => `${p.factor} ${p.message}`).join('; ')}`)
  const score = riskFactors.reduce((sum, f) => sum + matrix.weights[f] * input.scores[f], 0)
  const maxScore = riskFactors.reduce((sum, f) => sum + matrix.weights[f] * 5, 0)
  const matrixBand: RiskBand = score >= matrix.highFrom ? 'High' : score >= matrix.mediumFrom ? 'Medium' : 'Standard'
  const reasons = [`Risk matrix score ${score} of ${maxScore} gives ${matrixBand}.`]
  let band = matrixBand
  if (input.categoryBand && rank[input.categoryBand] > rank[band]) {
    band = input.categoryBand
    reasons.push(`The report category is ${input.categoryBand} by default.`)
  }
  const forced = [
    input.hateRelated && 'hate-related',
    input.domesticAbuse && 'domestic abuse',
    input.violence && 'physical violence',
  ].filter(Boolean)
  if (forced.length) {
    if (band !== 'High') reasons.push(`High because it involves ${forced.join(', ')} (always High).`)
    band = higher(band, 'High')
  }
  return { band, score, maxScore, reasons }
}

