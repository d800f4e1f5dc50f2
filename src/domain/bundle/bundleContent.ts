import type { CaseFile } from '../caseFile'
import { buildChronology, type ChronologyEntry } from './chronology'
import { caseSummary, gateRecords, type CaseSummary, type GateRecords } from './caseSummary'
import { exhibitsList, type ExhibitRow } from './exhibits'
import { latestApprovedFormalAction } from './formalActionRecord'
import { nameBook, type StaffDirectory } from './names'
import { findConfidentialTraces, redactionPlan, Redactor, type ConfidentialTrace, type RedactionEntry, type RedactionPlan } from './redaction'
import { scottSchedule, type ScottRow } from './scottSchedule'
import { witnessStatementDrafts, type WitnessStatementDraft } from './witnessStatements'
import { defaultBundleWording, type BundleRecipient, type BundleWording } from './wording'
import { PolicyRefusal } from '../validation'

/** A served document's text as it goes into the bundle (after the exhibits list, in order). */
export interface ServedDocumentText {
  documentId: string
  exhibitNumber: string
  title: string
  fileName: string
  sha256: string
  servedDate: string
  method: string
  paragraphs: string[]
  /** True when redaction changed its text: the original bytes then stay out of a disclosure zip. */
  redacted: boolean
}

/** Everything the bundle says, section by section, already redacted for its recipient. */
export interface BundleContent {
  caseRef: string
  recipient: BundleRecipient
  recipientDescription: string
  organisation: string
  preparedAt: string
  preparedBy: string
  formalActionId: string
  wordingVersion: string
  summary: CaseSummary
  chronology: ChronologyEntry[]
  scott: ScottRow[]
  exhibits: ExhibitRow[]
  statements: WitnessStatementDraft[]
  gate: GateRecords
  served: ServedDocumentText[]
  /** Evidence files travel in the zip only to the landlord's own lawyers; others get the hashes. */
  includeEvidenceFiles: boolean
}

export interface BundleInput {
  file: CaseFile
  staff: StaffDirectory
  organisation: string
  recipient: BundleRecipient
  /** Incidents relied on for the Scott schedule; all incidents when empty or absent. */
  reliedOnIncidentIds?: string[]
  preparedBy: string
  preparedAt: string
  /** Text of each served document, by document id (read from the stored .docx by the documents layer). */
  servedTexts: Map<string, string[]>
  wording?: BundleWording
}

export interface AssembledBundle {
  /** The case's parties, for the confidentiality guard that runs over the finished text. */
  parties: CaseFile['parties']
  content: BundleContent
  plan: RedactionPlan
  report: RedactionEntry[]
}

/** Builds the bundle's content from the case record and redacts it for the recipient. */
export function assembleBundle(input: BundleInput): AssembledBundle {
  const wording = input.wording ?? defaultBundleWording
  const { file, staff } = input
  const action = latestApprovedFormalAction(file.formalActions)
  // The gate comes first: no bundle for an action nobody approved. [LEGAL-NOTES §4; 003 §5.3]
  if (!action) throw new PolicyRefusal(`Case ${file.case.ref} has no approved formal action, so no bundle can be prepared: a manager must approve the action first.`)
  const names = nameBook(file, staff)
  const exhibits = exhibitsList(file)
  const exhibitIds = new Map(exhibits.map((e) => [e.sourceId, e.exhibitNumber]))
  const full: BundleContent = {
    caseRef: file.case.ref,
    recipient: input.recipient,
    recipientDescription: wording.recipients[input.recipient],
    organisation: input.organisation,
    preparedAt: input.preparedAt,
    preparedBy: input.preparedBy,
    formalActionId: action.id,
    wordingVersion: wording.version,
    summary: caseSummary(file, action, staff, names),
    chronology: buildChronology(file, names, exhibitIds),
    // The allegations relied on: the officer's choice, else those the notice's particulars were drafted from, else all.
    scott: scottSchedule(file.incidents, input.reliedOnIncidentIds?.length ? input.reliedOnIncidentIds : action.incidentIds.filter((id) => file.incidents.some((i) => i.id === id)), exhibits, names),
    exhibits,
    statements: witnessStatementDrafts({ file, action, exhibits, names, staff, organisation: input.organisation, wording, today: input.preparedAt }),
    gate: gateRecords(file, action, names),
    served: exhibits.filter((e) => e.source === 'document').map((e) => ({
      documentId: e.sourceId, exhibitNumber: e.exhibitNumber, title: e.description, fileName: e.fileName, sha256: e.sha256,
      servedDate: e.date, method: e.method, paragraphs: input.servedTexts.get(e.sourceId) ?? [], redacted: false,
    })),
    includeEvidenceFiles: input.recipient === 'legal team',
  }
  const plan = redactionPlan(file, input.recipient, wording)
  return { ...redactBundle(full, plan), plan, parties: file.parties }
}

/** Applies the plan to every section, recording where each redaction was made. */
export function redactBundle(content: BundleContent, plan: RedactionPlan): { content: BundleContent; report: RedactionEntry[] } {
  const r = new Redactor(plan)
  const parties = content.summary.parties.map((p) => {
    const redacted = r.deep(p, 'Case summary — parties')
    if (plan.omitVulnerabilityNotes && p.vulnerabilityNotes) {
      r.note('Case summary — parties', `vulnerability notes of ${redacted.name} left out (special category data)`)
      return { ...redacted, vulnerabilityNotes: '' }
    }
    return redacted
  })
  const summary = { ...r.deep({ ...content.summary, parties: [] }, 'Case summary'), parties }
  const statements = content.statements.map((s) => {
    const name = r.text(s.witnessName, 'Witness statements')
    return r.deep(s, `Witness statement of ${name}`)
  })
  const served = content.served.map((d) => {
    const where = `Exhibit ${d.exhibitNumber}`
    const before = r.entries.size
    const countBefore = [...r.entries.values()].reduce((n, e) => n + e.count, 0)
    const out = r.deep(d, where)
    const changed = r.entries.size !== before || [...r.entries.values()].reduce((n, e) => n + e.count, 0) !== countBefore
    return { ...out, sha256: d.sha256, redacted: changed }
  })
  if (!content.includeEvidenceFiles && content.exhibits.some((e) => e.source === 'evidence')) {
    r.note('Exhibits (zip)', 'evidence files left out of the export: listed with their SHA-256, available from the legal team on request', content.exhibits.filter((e) => e.source === 'evidence').length)
  }
  return {
    content: {
      ...content,
      summary,
      chronology: r.deep(content.chronology, 'Chronology'),
      scott: r.deep(content.scott, 'Scott schedule'),
      exhibits: r.deep(content.exhibits, 'Exhibits list').map((e, i) => ({ ...e, sha256: content.exhibits[i].sha256 })),
      statements,
      gate: r.deep(content.gate, 'Gate records'),
      served,
    },
    report: r.report(),
  }
}

/** Every piece of text in the content, labelled by section: what the final trace check reads. */
export function bundleTexts(content: BundleContent): { where: string; text: string }[] {
  const collect = (value: unknown, out: string[]): string[] => {
    if (typeof value === 'string') out.push(value)
    else if (Array.isArray(value)) value.forEach((v) => collect(v, out))
    else if (value && typeof value === 'object') Object.values(value).forEach((v) => collect(v, out))
    return out
  }
  return [
    { where: 'Case summary', text: collect(content.summary, []).join('\n') },
    { where: 'Chronology', text: collect(content.chronology, []).join('\n') },
    { where: 'Scott schedule', text: collect(content.scott, []).join('\n') },
    { where: 'Exhibits list', text: collect(content.exhibits, []).join('\n') },
    ...content.statements.map((s) => ({ where: s.title, text: collect(s, []).join('\n') })),
    { where: 'Gate records', text: collect(content.gate, []).join('\n') },
    ...content.served.map((d) => ({ where: `Exhibit ${d.exhibitNumber}`, text: collect(d, []).join('\n') })),
  ]
}

export function contentTraces(assembled: AssembledBundle): ConfidentialTrace[] {
  return findConfidentialTraces(assembled.plan, bundleTexts(assembled.content))
}
