import { inPeriod, type ReportPeriod } from './periods'
import type { ReportingRules } from './reportingRules'
import { percentFigure, type Figure, type KpiSurvey, type KpiTable } from './rows'

/**
 * TSM TP12: satisfaction with the landlord's approach to handling anti-social behaviour, from the
 * post-closure survey (5 very satisfied … 1 very dissatisfied). Satisfied = "very" or "fairly"
 * satisfied (4 or 5). Counted by the date the answer came back; unanswered surveys and answers
 * outside 1–5 are not responses.
 */
export function tp12(surveys: KpiSurvey[], period: ReportPeriod, rules: ReportingRules): { figure: Figure; table: KpiTable } {
  const responses = surveys.filter((s) => inPeriod(s.answeredAt, period) && Number.isInteger(s.tp12) && s.tp12! >= 1 && s.tp12! <= 5)
  const satisfied = responses.filter((s) => rules.tp12.satisfiedScores.includes(s.tp12!)).length
  const figure = percentFigure(satisfied, responses.length, `Survey answers received ${period.label} scoring ${rules.tp12.satisfiedScores.join(' or ')} (very or fairly satisfied) out of all answers to the TP12 question.`)
  const table: KpiTable = {
    id: 'tp12',
    title: 'TP12 satisfaction with how ASB was handled: answers',
    columns: ['Answer', 'Responses'],
    rows: [5, 4, 3, 2, 1].map((score) => [`${score} — ${rules.tp12.scale[String(score)] ?? ''}`, responses.filter((s) => s.tp12 === score).length]),
  }
  return { figure, table }
}
