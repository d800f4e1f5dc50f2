import type { CaseFile } from '../caseFile'
import { ukDate, ukDateTime } from '../workingDays'
import { servedDocuments } from './exhibits'
import { readFormalAction } from './formalActionRecord'
import type { NameBook } from './names'

export const chronologyKinds = ['incident', 'contact', 'intervention', 'document served', 'assessment', 'approval'] as const
export type ChronologyKind = (typeof chronologyKinds)[number]

/** One line of the chronology: what happened, when, and the record it comes from. */
export interface ChronologyEntry {
  at: string
  kind: ChronologyKind
  text: string
  /** The record the line is taken from, so the lawyer can find it ("Incident log", "Contact record" …). */
  source: string
  sourceId: string
}

// When two things happen at the same moment, the order a reader expects: what happened, then the response.
const kindOrder: Record<ChronologyKind, number> = { incident: 0, contact: 1, intervention: 2, assessment: 3, approval: 4, 'document served': 5 }

export function whenText(iso: string): string {
  return iso.length > 10 ? ukDateTime(iso) : ukDate(iso)
}

/**
 * Every incident, contact, intervention, served document and assessment on the case — and each
 * formal-action decision — in date order, one line each with its source. [issue 8; 002 §5.6.3:
 * the proportionality exercise is judged on all the facts at the time, so nothing is left out]
 */
export function buildChronology(file: Pick<CaseFile, 'incidents' | 'contacts' | 'interventions' | 'documents' | 'assessments' | 'formalActions'>, names: NameBook, exhibitNumbers: Map<string, string> = new Map()): ChronologyEntry[] {
  const entries: ChronologyEntry[] = []
  for (const i of file.incidents) {
    const witnesses = i.witnesses.length ? `; witnesses: ${i.witnesses.map((w) => names.person(w)).join(', ')}` : ''
    const police = i.policeRef ? `; police reference ${i.policeRef}` : ''
    entries.push({
      at: i.occurredAt, kind: 'incident', sourceId: i.id,
      text: `${i.category} at ${i.location}: ${i.description}`,
      source: `Incident log — reported by ${names.person(i.reportedBy)}${witnesses}${police}`,
    })
  }
  for (const c of file.contacts) {
    const outcome = c.successful ? '' : ' (no answer / unsuccessful)'
    entries.push({
      at: c.at, kind: 'contact', sourceId: c.id,
      text: `${c.direction === 'outbound' ? 'Contact with' : 'Contact from'} ${c.withWhom} by ${c.method}${outcome}: ${c.summary}`,
      source: `Contact record by ${names.staff(c.createdBy)}`,
    })
  }
  for (const v of file.interventions) {
    const against = v.againstPersonId ? ` — ${names.person(v.againstPersonId)}` : ''
    entries.push({
      at: v.date, kind: 'intervention', sourceId: v.id,
      text: `${capitalise(v.kind)}${against}${v.outcome ? `: ${v.outcome}` : ''}`,
      source: `Intervention record by ${names.staff(v.createdBy)}`,
    })
  }
  for (const d of servedDocuments(file)) {
    const exhibit = exhibitNumbers.get(d.id) ?? (d as { exhibitNumber?: string }).exhibitNumber
    entries.push({
      at: d.served?.date ?? d.createdAt, kind: 'document served', sourceId: d.id,
      text: `${d.title} served on ${d.recipientName} by ${d.served?.method ?? 'method not recorded'}`,
      source: `Document store${exhibit ? `, exhibit ${exhibit}` : ''}`,
    })
  }
  for (const a of file.assessments) {
    entries.push({
      at: a.completedAt ?? a.at, kind: 'assessment', sourceId: a.id,
      text: `${assessmentTitle(a.kind)} (version ${a.version})${a.completedAt ? '' : ' — not completed'}: ${a.result}${a.reason ? ` — ${a.reason}` : ''}`,
      source: `Assessment record by ${names.staff(a.by)}`,
    })
  }
  for (const row of file.formalActions) {
    const action = readFormalAction(row)
    for (const [n, a] of action.approvals.entries()) {
      if (!a.at) continue
      entries.push({
        at: a.at, kind: 'approval', sourceId: `${row.id}#${n}`,
        text: `${capitalise(a.level ? `${a.level} ${a.decision}` : a.decision)}: ${action.kind}${a.reasons ? ` — ${a.reasons}` : ''}${a.voided ? ` (${a.voided})` : ''}`,
        source: `Formal action decision by ${a.byName ?? names.staff(a.by)}${a.role ? `, ${a.role}` : ''}`,
      })
    }
  }
  return entries.sort((a, b) => a.at.slice(0, 19).localeCompare(b.at.slice(0, 19)) || kindOrder[a.kind] - kindOrder[b.kind] || a.sourceId.localeCompare(b.sourceId))
}

export function assessmentTitle(kind: string): string {
  return ({ risk: 'Risk assessment', vulnerability: 'Vulnerability assessment', proportionality: 'Proportionality assessment', eia: 'Equality impact assessment' } as Record<string, string>)[kind] ?? capitalise(kind)
}

function capitalise(text: string): string {
  return text ? text[0].toUpperCase() + text.slice(1) : text
}
