import type { CaseFile } from '@/domain/caseFile'
import { fullName, formatAddress, type Person } from '@/domain/people'
import type { OrganisationSettings } from '@/domain/settings/organisation'
import { ukDate } from '@/domain/workingDays'
import { ValidationError, type FieldProblem } from '@/domain/validation'
import { groundRule, regimeRule, type FormalAction, type NoticeDates, type RuleSet, type RegimeId } from '@/domain/formalAction'
import { buildLetter, letterText, LETTER_ENGINE_VERSION, type LetterBlock, type LetterInput, type LetterOfficer } from '../letterEngine'
import { checkConfidentiality, type ConfidentialityFinding } from '../confidentialityGuard'

/**
 * Notices seeking possession by regime [LEGAL-NOTES §1–3]: Form 3 (HA 1988 s8), the secure NOSP
 * (HA 1985 s83) and the absolute-ground notice (HA 1985 s83ZA). Sections come in the prescribed
 * order; ground texts and prescribed notes are reproduced from the rule set unaltered. Built on the
 * letter engine so letterhead, reference, UK dates, large print and the DRAFT label are shared.
 */
export const NOTICE_TEMPLATE_VERSION = `notice-1+${LETTER_ENGINE_VERSION}`
export const DRAFT_LABEL = 'DRAFT — NOT FOR SERVICE'

export interface NoticePack {
  action: FormalAction
  caseFile: CaseFile
  organisation: OrganisationSettings
  /** The officer preparing the notice (contact details on the covering lines). */
  officer: LetterOfficer
  ruleSet: RuleSet
  dates: NoticeDates
  /** A draft is labelled and watermarked DRAFT — NOT FOR SERVICE. */
  draft: boolean
  /** ISO date the notice is dated. */
  date: string
  largePrint?: boolean
}

export interface ComposedNotice {
  kind: string
  title: string
  fileName: string
  recipientPersonId?: string
  recipientName: string
  input: LetterInput
  templateVersion: string
}

const documentKinds: Record<RegimeId, string> = { form3: 'NOSP Form 3', form3a: 'NOSP Form 3A', s83: 'NOSP s83', s83za: 'notice s83ZA' }

function tenantsOf(pack: NoticePack, problems: FieldProblem[]): Person[] {
  const people = pack.action.againstPersonIds.map((id) => pack.caseFile.parties.find((p) => p.personId === id)?.person)
  if (people.some((p) => !p)) problems.push({ field: 'againstPersonIds', message: 'a person the notice is against is no longer on the case' })
  const found = people.filter((p): p is Person => Boolean(p))
  if (found.length === 0) problems.push({ field: 'againstPersonIds', message: 'name at least one tenant' })
  if (found[0] && !found[0].address) problems.push({ field: 'property', message: `${fullName(found[0])} has no address on record, so the property cannot be named` })
  return found
}

function joinNames(names: string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
}

/** Lays the notice out; refuses (naming each gap) when a fact the notice must carry is missing. */
export function composeNotice(pack: NoticePack): ComposedNotice {
  const { action, ruleSet, organisation } = pack
  const problems: FieldProblem[] = []
  if (!action.regimeId) problems.push({ field: 'regime', message: 'no notice regime applies to this tenure' })
  if (action.grounds.length === 0) problems.push({ field: 'grounds', message: 'choose at least one ground' })
  if (action.particulars.trim().length === 0) problems.push({ field: 'particulars', message: 'write the particulars' })
  const tenants = tenantsOf(pack, problems)
  if (problems.length) throw new ValidationError('The notice', problems)
  const regimeId = action.regimeId as RegimeId
  const regime = regimeRule(ruleSet, regimeId)
  const names = tenants.map((t) => fullName(t))
  const property = formatAddress(tenants[0].address, tenants[0].flat)
  const grounds = action.grounds.map((g) => ({ choice: g, rule: groundRule(ruleSet, g.ground) }))
  const groundNumbers = grounds.map((g) => g.rule.number.replace(/^Ground /, '')).join(', ')
  const landlordAddress = formatAddress(organisation.address).join(', ')
  const notes = regimeId === 's83' ? ruleSet.prescribedNotes.s83 : regimeId === 's83za' ? ruleSet.prescribedNotes.s83za : ruleSet.prescribedNotes.form3
  const immediate = pack.dates.proceedingsFrom === pack.dates.deemedServedOn && grounds.some((g) => g.rule.period === 'immediate')

  const blocks: LetterBlock[] = []
  const para = (text: string, bold = false) => blocks.push({ type: 'paragraph', text, bold })
  para(regime.statute + (regimeId === 'form3' ? ' as amended by section 151 of the Housing Act 1996, section 97 of the Anti-social Behaviour, Crime and Policing Act 2014 and section 41 of the Immigration Act 2016' : ''))
  for (const note of notes.slice(0, 2)) para(note, true)

  blocks.push({ type: 'heading', text: '1. To' })
  for (const name of names) para(name)
  blocks.push({ type: 'heading', text: regimeId === 'form3' ? '2. Your landlord intends to apply to the court for an order requiring you to give up possession of' : `2. ${organisation.name} intends to apply to the court for an order requiring you to give up possession of` })
  para(property.join(', '))

  const scheduleWords = regimeId === 's83za' ? 'section 84A of the Housing Act 1985' : regimeId === 's83' ? 'Schedule 2 to the Housing Act 1985' : 'Schedule 2 to the Housing Act 1988, as amended by the Housing Act 1996, the Anti-social Behaviour, Crime and Policing Act 2014 and the Immigration Act 2016'
  blocks.push({ type: 'heading', text: regimeId === 's83za' ? `3. Possession will be sought on the absolute ground in ${scheduleWords}, which reads` : `3. ${regimeId === 'form3' ? 'Your landlord intends to seek possession' : 'Possession will be sought'} on ground${grounds.length > 1 ? 's' : ''} ${groundNumbers} in ${scheduleWords}, which read${grounds.length > 1 ? '' : 's'}` })
  for (const { choice, rule } of grounds) {
    blocks.push({ type: 'heading', text: rule.number, level: 3 })
    for (const line of rule.text.split('\n')) para(line)
    const extras: string[] = []
    if (choice.limbs.length) extras.push(`Relied on: limb${choice.limbs.length > 1 ? 's' : ''} ${choice.limbs.map((l) => `(${l})`).join(' and ')}.`)
    if (choice.clause) extras.push(`Tenancy clause broken: ${choice.clause}.`)
    const condition = rule.conditions?.find((c) => c.id === choice.condition)
    if (condition && choice.conditionDate) extras.push(`Relied on: condition ${condition.id}; ${condition.dateLabel}: ${ukDate(choice.conditionDate)}.`)
    if (extras.length) para(extras.join(' '), true)
  }

  blocks.push({ type: 'heading', text: regimeId === 'form3' ? '4. Give a full explanation of why each ground is being relied on' : '4. Particulars of each ground are as follows' })
  for (const line of action.particulars.split('\n').map((l) => l.trim()).filter(Boolean)) para(line)

  blocks.push({ type: 'heading', text: '5. Date' })
  if (immediate) para(`Court proceedings may begin immediately. The date of service of this notice is treated as ${ukDate(pack.dates.deemedServedOn)}: the court proceedings will not begin until after ${ukDate(pack.dates.proceedingsFrom)}.`, true)
  else para(`The court proceedings will not begin until after ${ukDate(pack.dates.proceedingsFrom)}.`, true)
  para(regime.lapseFrom === 'service'
    ? `Proceedings on this notice must begin within ${regime.lapseMonths} months of the date of service (by ${ukDate(pack.dates.lastDayForProceedings)}).`
    : `This notice lapses ${regime.lapseMonths} months after the date above: proceedings must begin by ${ukDate(pack.dates.lastDayForProceedings)}.`)
  if (regimeId === 's83za') para(ruleSet.prescribedNotes.s83za[2], true)

  blocks.push({ type: 'heading', text: regimeId === 'form3' ? '6. Name and address of landlord' : '6. Signed on behalf of the landlord' })
  para(`${organisation.name}, ${landlordAddress}`)
  para(`Telephone: ${organisation.phone}`)
  blocks.push({ type: 'signatures', signatories: [{ role: `${organisation.signatoryCapacity === 'agent' ? 'Agent' : 'Landlord'}`, name: `${organisation.signatoryName}, ${organisation.signatoryTitle}` }] })
  para(`Capacity: ${organisation.signatoryCapacity}`)
  para(`Date: ${ukDate(pack.date)}`)

  blocks.push({ type: 'heading', text: 'Notes' })
  for (const note of notes.slice(2)) para(note)
  para(`Prepared with rule set ${ruleSet.version} (${regime.form}).`)

  const kind = documentKinds[regimeId]
  const title = `${regime.title} — ${joinNames(names)}`
  const input: LetterInput = {
    organisation, officer: pack.officer,
    recipient: { personId: tenants[0].id, name: joinNames(names), addressLines: property },
    caseRef: pack.caseFile.case.ref, date: pack.date, title: regime.title, blocks, greeting: false,
    largePrint: pack.largePrint, documentTitle: title,
    ...(pack.draft ? { draftLabel: DRAFT_LABEL } : {}),
  }
  const safeNames = names.map((n) => n.replace(/[^A-Za-z0-9 -]/g, '')).join(' and ')
  return {
    kind, title, recipientPersonId: tenants[0].id, recipientName: joinNames(names), input, templateVersion: NOTICE_TEMPLATE_VERSION,
    fileName: `${pack.caseFile.case.ref} ${kind} ${safeNames}${pack.draft ? ' DRAFT' : ''}.docx`,
  }
}

/** Confidentiality findings on the finished notice text (the notice goes to the perpetrator's side). */
export function noticeFindings(composed: ComposedNotice, caseFile: CaseFile): ConfidentialityFinding[] {
  return checkConfidentiality(letterText(composed.input).paragraphs, caseFile.parties, composed.recipientPersonId)
}

/**
 * Builds the notice bytes after the confidentiality guard passes; refuses with each finding
 * otherwise. [DESIGN: confidentiality guard]
 */
export async function buildNotice(pack: NoticePack): Promise<{ composed: ComposedNotice; bytes: Uint8Array }> {
  const composed = composeNotice(pack)
  const findings = noticeFindings(composed, pack.caseFile)
  if (findings.length) throw new ValidationError('The notice', findings.map((f) => ({ field: 'particulars', message: f.message })))
  return { composed, bytes: await buildLetter(composed.input) }
}
