import type { CaseFile } from '@/domain/caseFile'
import type { Assessment } from '@/domain/caseRecords'
import { ageOn, formatAddress, fullName } from '@/domain/people'
import { protectedCharacteristics } from '@/domain/people'
import type { OrganisationSettings } from '@/domain/settings/organisation'
import { ukDate, ukDateTime } from '@/domain/workingDays'
import { ValidationError } from '@/domain/validation'
import { proportionalityPoints, type EiaAnswers, type FormalAction, type ProportionalityAnswers, type RuleSet } from '@/domain/formalAction'
import { buildLetter, LETTER_ENGINE_VERSION, type LetterBlock, type LetterInput, type LetterOfficer } from '../letterEngine'
import { incidentWhen } from '../letters/letterContext'
import { DRAFT_LABEL, type ComposedNotice } from './possessionNotice'

/**
 * Civil injunction referral pack for the legal team (ASBCPA 2014 s1): the case summary, the
 * behaviour and its impact, the incidents relied on, previous interventions, the proposed
 * prohibitions and requirements, the respondent's age (10+; youth offending team consulted for
 * under-18s) and the gate records. [LEGAL-NOTES §5; POLICY-RULES §5] It is an internal document:
 * the court application itself is drafted by the legal team.
 */
export const REFERRAL_TEMPLATE_VERSION = `injunction-referral-1+${LETTER_ENGINE_VERSION}`

export interface ReferralPack {
  action: FormalAction
  caseFile: CaseFile
  organisation: OrganisationSettings
  officer: LetterOfficer
  ruleSet: RuleSet
  draft: boolean
  date: string
  proportionality?: Assessment<ProportionalityAnswers>
  eia?: Assessment<EiaAnswers>
}

export function composeInjunctionReferral(pack: ReferralPack): ComposedNotice {
  const { action, caseFile, organisation } = pack
  const respondents = action.againstPersonIds.map((id) => caseFile.parties.find((p) => p.personId === id)?.person).filter((p) => p !== undefined)
  if (respondents.length === 0) throw new ValidationError('The referral pack', [{ field: 'againstPersonIds', message: 'name the respondent' }])
  const blocks: LetterBlock[] = []
  const para = (text: string, bold = false) => blocks.push({ type: 'paragraph', text, bold })
  blocks.push({ type: 'heading', text: 'Case summary' })
  para(`Case ${caseFile.case.ref}: ${caseFile.case.category}, ${caseFile.case.riskBand} risk, opened ${ukDate(caseFile.case.openedAt)}.`)
  if (caseFile.case.summary) para(caseFile.case.summary)

  blocks.push({ type: 'heading', text: 'Respondent' })
  for (const person of respondents) {
    const age = ageOn(person.dateOfBirth, pack.date)
    para(`${fullName(person)}, ${formatAddress(person.address, person.flat).join(', ') || 'address not recorded'}. Tenure: ${person.tenure ?? 'not recorded'}.`)
    if (age === undefined) para('Age: date of birth not recorded — confirm the respondent is 10 or over before applying (ASBCPA 2014 s1(1)).', true)
    else if (age < 10) para(`Age: ${age}. A civil injunction cannot be made against a person under 10.`, true)
    else if (age < 18) para(`Age: ${age} (under 18): the youth offending team must be consulted before the application (ASBCPA 2014 s14); the application goes to the youth court.`, true)
    else para(`Age: ${age}.`)
  }

  blocks.push({ type: 'heading', text: 'The behaviour and its impact' })
  for (const line of action.particulars.split('\n').map((l) => l.trim()).filter(Boolean)) para(line)

  const incidents = caseFile.incidents.filter((i) => action.incidentIds.includes(i.id)).sort((a, b) => a.occurredAt.localeCompare(b.occurredAt))
  blocks.push({ type: 'heading', text: 'Incidents relied on' })
  blocks.push({ type: 'table', header: ['Date and time', 'Where', 'What happened', 'Police reference'], rows: incidents.map((i) => [incidentWhen(i.occurredAt), i.location || 'Not recorded', i.description, i.policeRef || '—']) })

  blocks.push({ type: 'heading', text: 'Previous interventions' })
  const interventions = [...caseFile.interventions].sort((a, b) => a.date.localeCompare(b.date))
  if (interventions.length) blocks.push({ type: 'table', header: ['Date', 'Intervention', 'Outcome'], rows: interventions.map((i) => [ukDate(i.date), i.kind, i.outcome || '—']) })
  else para('None recorded on the case.')

  blocks.push({ type: 'heading', text: 'Proposed prohibitions' })
  if (action.prohibitions.length) blocks.push({ type: 'numbered', items: action.prohibitions })
  else para('None proposed.')
  blocks.push({ type: 'heading', text: 'Proposed requirements' })
  if (action.requirements.length) blocks.push({ type: 'numbered', items: action.requirements })
  else para('None proposed.')

  blocks.push({ type: 'heading', text: 'Proportionality assessment' })
  const prop = pack.proportionality
  if (!prop) para('Not started.', true)
  else {
    para(`Version ${prop.version}, ${prop.completedAt ? `completed ${ukDateTime(prop.completedAt)}` : 'not complete'}.`)
    blocks.push({ type: 'table', header: ['Point', 'Answer', 'Reasons'], rows: proportionalityPoints.map((p) => [`${p.n}. ${p.title}`, prop.answers.points[p.id]?.answer ?? 'not answered', prop.answers.points[p.id]?.reasons ?? '']) })
    para(`Statement: ${prop.answers.statement}`)
  }
  blocks.push({ type: 'heading', text: 'Equality Impact Assessment' })
  const eia = pack.eia
  if (!eia) para('Not started.', true)
  else {
    para(`Version ${eia.version}, ${eia.completedAt ? `completed ${ukDateTime(eia.completedAt)}` : 'not complete'}.`)
    blocks.push({ type: 'table', header: ['Characteristic', 'Status', 'Impact', 'Mitigation'], rows: protectedCharacteristics.map((c) => { const a = eia.answers.characteristics[c]; return [c, a?.status ?? 'not answered', a?.impact ?? '', a?.mitigation ?? ''] }) })
    para(`Conclusion: ${eia.answers.conclusion}`)
  }
  blocks.push({ type: 'heading', text: 'Approvals' })
  if (action.approvals.length === 0) para('Not yet approved.', true)
  for (const a of action.approvals) para(`${a.level}: ${a.decision} by ${a.byName} (${a.asTitle}) on ${ukDateTime(a.at)}${a.voided ? ` — VOIDED ${ukDateTime(a.voided.at)} because ${a.voided.reason}` : ''}. Reasons: ${a.reasons}`)
  para(`Prepared with rule set ${pack.ruleSet.version}.`)

  const names = respondents.map((p) => fullName(p)).join(' and ')
  const input: LetterInput = {
    organisation, officer: pack.officer,
    recipient: { name: 'Legal team', addressLines: formatAddress(organisation.address) },
    caseRef: caseFile.case.ref, date: pack.date, title: `Civil injunction referral — ${names}`, blocks, greeting: false,
    ...(pack.draft ? { draftLabel: DRAFT_LABEL } : {}),
  }
  return {
    kind: 'injunction referral', title: `Civil injunction referral — ${names}`, recipientName: 'Legal team', input, templateVersion: REFERRAL_TEMPLATE_VERSION,
    fileName: `${caseFile.case.ref} injunction referral${pack.draft ? ' DRAFT' : ''}.docx`,
  }
}

export async function buildInjunctionReferral(pack: ReferralPack): Promise<{ composed: ComposedNotice; bytes: Uint8Array }> {
  const composed = composeInjunctionReferral(pack)
  return { composed, bytes: await buildLetter(composed.input) }
}
