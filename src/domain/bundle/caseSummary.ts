import type { CaseFile } from '../caseFile'
import type { PartyRole } from '../parties'
import { formatAddress, fullName } from '../people'
import { ukDate } from '../workingDays'
import { assessmentTitle } from './chronology'
import type { FormalActionForBundle } from './formalActionRecord'
import type { NameBook, StaffDirectory } from './names'

export interface SummaryParty {
  personId: string
  name: string
  role: string
  tenure: string
  tenancyReference: string
  address: string
  phone: string
  email: string
  identityConfidential: boolean
  consentToShare: boolean
  vulnerabilityNotes: string
}

/** The case summary page: who, where, on what ground, for what, and who decided. */
export interface CaseSummary {
  caseRef: string
  category: string
  openedAt: string
  riskBand: string
  summary: string
  parties: SummaryParty[]
  property: string
  tenancyClauses: string[]
  grounds: string[]
  actionSought: string
  particulars: string
  officer: string
  approver: string
}

// The respondent side first: it is their case the court decides.
const summaryOrder: PartyRole[] = ['alleged perpetrator', 'household member', 'representative', 'reporter', 'victim', 'witness', 'agency']

export function caseSummary(file: CaseFile, action: FormalActionForBundle, staff: StaffDirectory, names: NameBook): CaseSummary {
  const against = action.againstPersonIds.flatMap((id) => file.parties.filter((p) => p.personId === id))
  const subject = against[0] ?? file.parties.find((p) => p.role === 'alleged perpetrator')
  const approval = [...action.approvals].filter((a) => /approv/i.test(a.decision) && !a.voided).sort((a, b) => a.at.localeCompare(b.at)).at(-1)
  const officer = staff[file.case.officerId]
  return {
    caseRef: file.case.ref,
    category: file.case.category,
    openedAt: ukDate(file.case.openedAt),
    riskBand: file.case.riskBand,
    summary: file.case.summary,
    parties: [...file.parties].sort((a, b) => summaryOrder.indexOf(a.role) - summaryOrder.indexOf(b.role)).map((p) => ({
      personId: p.personId,
      name: fullName(p.person),
      role: p.role,
      tenure: p.person.tenure ?? 'not recorded',
      tenancyReference: p.person.tenancyReference,
      address: formatAddress(p.person.address, p.person.flat).join(', '),
      phone: p.person.phone,
      email: p.person.email,
      identityConfidential: p.identityConfidential,
      consentToShare: p.consentToShare,
      vulnerabilityNotes: p.person.vulnerabilityNotes,
    })),
    property: subject ? formatAddress(subject.person.address, subject.person.flat).join(', ') || 'not recorded' : 'not recorded',
    tenancyClauses: action.tenancyClauses,
    grounds: action.grounds,
    actionSought: action.actionSought ? `${action.kind}: ${action.actionSought}` : `${action.kind} against ${against.map((p) => fullName(p.person)).join(' and ') || 'the respondent'}`,
    particulars: action.particulars,
    officer: officer ? `${officer.name}${officer.jobTitle ? `, ${officer.jobTitle}` : ''}` : names.staff(file.case.officerId),
    approver: approval ? `${approval.byName ?? names.staff(approval.by)}${approval.role ? ` (${approval.role})` : ''}, ${ukDate(approval.at)}` : 'not recorded',
  }
}

export interface GateAssessment {
  title: string
  version: number
  completedAt: string
  by: string
  result: string
  reason: string
  answers: { question: string; answer: string }[]
}

/** The gate records: proportionality, EIA and each approval decision, with dates. [LEGAL-NOTES §4] */
export interface GateRecords {
  action: string
  assessments: GateAssessment[]
  decisions: { decision: string; by: string; role: string; at: string; reasons: string }[]
}

export function gateRecords(file: Pick<CaseFile, 'assessments'>, action: FormalActionForBundle, names: NameBook): GateRecords {
  // Only the latest version of each counts: a change after approval voids the approval. [LEGAL-NOTES §4]
  const forAction = file.assessments.filter((a) => a.formalActionId === action.id && (a.kind === 'proportionality' || a.kind === 'eia'))
  const latest = new Map<string, (typeof forAction)[number]>()
  for (const a of forAction) if ((latest.get(a.kind)?.version ?? -1) < a.version) latest.set(a.kind, a)
  return {
    action: `${action.kind} (status: ${action.status})`,
    assessments: ['proportionality', 'eia'].flatMap((kind) => {
      const a = latest.get(kind)
      if (!a) return [{ title: assessmentTitle(kind), version: 0, completedAt: 'not recorded', by: '', result: 'No record found', reason: '', answers: [] }]
      return [{
        title: assessmentTitle(kind), version: a.version, completedAt: a.completedAt ? ukDate(a.completedAt) : 'not completed',
        by: names.staff(a.by), result: a.result, reason: a.reason,
        answers: Object.entries(a.answers ?? {}).map(([question, answer]) => ({ question: humanise(question), answer: answerText(answer) })),
      }]
    }),
    decisions: action.approvals.map((a) => ({ decision: `${a.level ? `${a.level}: ` : ''}${a.decision}${a.voided ? ` (${a.voided})` : ''}`, by: a.byName ?? names.staff(a.by), role: a.role ?? '', at: a.at ? ukDate(a.at) : 'not recorded', reasons: a.reasons })),
  }
}

function humanise(key: string): string {
  const spaced = key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase()
  return spaced ? spaced[0].toUpperCase() + spaced.slice(1) : key
}

function answerText(value: unknown): string {
  if (value === true) return 'Yes'
  if (value === false) return 'No'
  if (value === null || value === undefined || value === '') return '—'
  if (Array.isArray(value)) return value.map(answerText).join('; ')
  if (typeof value === 'object') return Object.entries(value as Record<string, unknown>).map(([k, v]) => `${humanise(k)}: ${answerText(v)}`).join('; ')
  return String(value)
}
