import { z } from 'zod'
import { protectedCharacteristics, type ProtectedCharacteristic } from '../people'
import type { GateProblem } from './proportionality'
import { MIN_REASON_LENGTH } from './proportionality'

/**
 * Equality Impact Assessment, modelled on the Alliance Homes template (seed 003 §5.4): each of
 * the nine protected characteristics (Equality Act 2010 s4) — known, not known or not disclosed —
 * with the potential impact and mitigation; disability questions (s15 "arising from", s20
 * reasonable adjustments); household; safeguarding; capacity. Completed before the decision: the
 * record keeps when (PSED s149 — the regard must be had before deciding, R (Bracking)).
 */
export const characteristicStatuses = ['known', 'not known', 'not disclosed'] as const
export const yesNo = ['yes', 'no'] as const
export const yesNoNotKnown = ['yes', 'no', 'not known'] as const

const text = (max = 4000) => z.string().trim().max(max, `must be ${max.toLocaleString('en-GB')} characters or fewer`).default('')

const characteristicSchema = z.object({
  status: z.enum(characteristicStatuses).optional(),
  detail: text(),
  impact: text(),
  mitigation: text(),
})
export type CharacteristicAnswer = z.infer<typeof characteristicSchema>

export const eiaAnswersSchema = z.object({
  characteristics: z.partialRecord(z.enum(protectedCharacteristics), characteristicSchema).default({}),
  disability: z.object({
    arisingFromDisability: z.enum(yesNoNotKnown).optional(),
    arisingReasons: text(),
    adjustmentsMade: text(),
  }).default({ arisingReasons: '', adjustmentsMade: '' }),
  household: z.object({
    children: z.enum(yesNo).optional(),
    childrenDetail: text(),
    homelessnessRisk: z.enum(yesNo).optional(),
    localAuthorityInformed: z.enum(yesNo).optional(),
    localAuthorityDetail: text(),
  }).default({ childrenDetail: '', localAuthorityDetail: '' }),
  safeguarding: z.object({ concerns: z.enum(yesNo).optional(), referralsMade: text() }).default({ referralsMade: '' }),
  capacity: z.object({
    understandsProceedings: z.enum(yesNoNotKnown).optional(),
    litigationFriendNeeded: z.enum(yesNo).optional(),
    under18: z.enum(yesNo).optional(),
    detail: text(),
  }).default({ detail: '' }),
  conclusion: text(8000),
})
export type EiaAnswers = z.infer<typeof eiaAnswersSchema>

const nameOf = (c: ProtectedCharacteristic) => c.charAt(0).toUpperCase() + c.slice(1)

/** Every gap in the EIA, each with its own message. Empty when complete. */
export function eiaProblems(answers: EiaAnswers | undefined): GateProblem[] {
  if (!answers) return [{ item: 'eia', message: 'The Equality Impact Assessment has not been started.' }]
  const p: GateProblem[] = []
  const need = (field: string, message: string) => p.push({ item: 'eia', field, message: `EIA: ${message}` })
  for (const c of protectedCharacteristics) {
    const a = answers.characteristics[c]
    const field = `characteristics.${c}`
    if (!a?.status) {
      need(`${field}.status`, `${nameOf(c)} — say whether it is known, not known or not disclosed.`)
      continue
    }
    if (a.impact.length < 3) need(`${field}.impact`, `${nameOf(c)} — describe the potential impact (or "none identified").`)
    if (a.status === 'known' && a.mitigation.length < 3) need(`${field}.mitigation`, `${nameOf(c)} — a known characteristic needs the mitigation recorded.`)
  }
  const d = answers.disability
  if (!d.arisingFromDisability) need('disability.arisingFromDisability', 'Equality Act s15 — say whether the conduct arises from a disability.')
  else if (d.arisingFromDisability !== 'no' && d.arisingReasons.length < MIN_REASON_LENGTH) need('disability.arisingReasons', 'Equality Act s15 — explain why the action is still a proportionate means of a legitimate aim.')
  if (d.adjustmentsMade.length < 3) need('disability.adjustmentsMade', 'Equality Act s20 — record the reasonable adjustments made (or why none were needed).')
  const h = answers.household
  if (!h.children) need('household.children', 'Household — say whether children live in the home.')
  else if (h.children === 'yes' && h.childrenDetail.length < 3) need('household.childrenDetail', 'Household — describe the impact on the children.')
  if (!h.homelessnessRisk) need('household.homelessnessRisk', 'Household — say whether there is a risk of homelessness.')
  if (!h.localAuthorityInformed) need('household.localAuthorityInformed', 'Household — say whether the local authority has been informed.')
  else if (h.homelessnessRisk === 'yes' && h.localAuthorityInformed === 'no' && h.localAuthorityDetail.length < MIN_REASON_LENGTH) need('household.localAuthorityDetail', 'Household — there is a homelessness risk but the local authority was not informed: explain why.')
  if (!answers.safeguarding.concerns) need('safeguarding.concerns', 'Safeguarding — say whether there are safeguarding concerns.')
  else if (answers.safeguarding.concerns === 'yes' && answers.safeguarding.referralsMade.length < 3) need('safeguarding.referralsMade', 'Safeguarding — record the referrals made.')
  const cap = answers.capacity
  if (!cap.understandsProceedings) need('capacity.understandsProceedings', 'Capacity — say whether the person understands the proceedings.')
  if (!cap.litigationFriendNeeded) need('capacity.litigationFriendNeeded', 'Capacity — say whether a litigation friend is needed.')
  if (!cap.under18) need('capacity.under18', 'Capacity — say whether the person is under 18.')
  if ((cap.understandsProceedings !== 'yes' || cap.litigationFriendNeeded === 'yes') && cap.understandsProceedings && cap.detail.length < 3) need('capacity.detail', 'Capacity — describe the support or litigation friend arranged.')
  if (answers.conclusion.length < 20) need('conclusion', 'the conclusion is missing (at least 20 characters).')
  return p
}

export function emptyEia(): EiaAnswers {
  return eiaAnswersSchema.parse({})
}
