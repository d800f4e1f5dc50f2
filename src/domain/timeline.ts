import type { CaseFile } from './caseFile'
import { evidenceCountsByIncident } from './evidence'
import { fullName } from './people'
import { ukDate } from './workingDays'

/** The case page's timeline: everything recorded on the case, newest first, filterable by kind. */
export const timelineKinds = ['case', 'incident', 'contact', 'action', 'intervention', 'assessment', 'document'] as const
export type TimelineKind = (typeof timelineKinds)[number]

export const timelineKindLabels: Record<TimelineKind, string> = {
  case: 'Case events', incident: 'Incidents', contact: 'Contacts', action: 'Actions', intervention: 'Interventions', assessment: 'Assessments', document: 'Documents',
}

export interface TimelineEntry {
  id: string
  at: string
  kind: TimelineKind
  title: string
  detail: string
}

export function buildTimeline(file: CaseFile): TimelineEntry[] {
  const c = file.case
  const who = (id?: string) => {
    const p = file.parties.find((x) => x.personId === id)?.person
    return p ? fullName(p) : undefined
  }
  const out: TimelineEntry[] = [
    { id: `${c.id}-opened`, at: c.createdAt, kind: 'case', title: `Report logged (${c.channel})`, detail: `${c.category} · ${c.riskBand} risk · ${c.route}` },
  ]
  if (c.closedAt && c.closure) out.push({ id: `${c.id}-closed`, at: c.closedAt, kind: 'case', title: 'Case closed', detail: c.closure.reason })
  for (const at of c.reopenedAt ?? []) out.push({ id: `${c.id}-reopened-${at}`, at, kind: 'case', title: 'Case reopened', detail: '' })
  // Courts ask what evidence backs each incident, so the timeline shows the count of files kept.
  const evidenceCounts = evidenceCountsByIncident(file.evidence)
  for (const i of file.incidents) {
    const files = evidenceCounts.get(i.id) ?? 0
    const evidenceNote = files ? ` · ${files} evidence ${files === 1 ? 'file' : 'files'}` : ''
    out.push({ id: i.id, at: i.occurredAt, kind: 'incident', title: `Incident at ${i.location}${evidenceNote}`, detail: [i.description, who(i.reportedBy) && `Reported by ${who(i.reportedBy)}`].filter(Boolean).join(' — ') })
  }
  for (const ct of file.contacts) {
    out.push({ id: ct.id, at: ct.at, kind: 'contact', title: `${ct.successful ? 'Contact' : 'Attempted contact'} with ${ct.withWhom} by ${ct.method}`, detail: ct.summary })
  }
  for (const a of file.actions) out.push({ id: a.id, at: a.createdAt, kind: 'action', title: `Action: ${a.what}`, detail: `${a.owner}, due ${ukDate(a.due)} — ${a.status}` })
  for (const v of file.interventions) out.push({ id: v.id, at: v.date, kind: 'intervention', title: `Intervention: ${v.kind}`, detail: v.outcome })
  for (const s of file.assessments) {
    out.push({ id: s.id, at: s.at, kind: 'assessment', title: `${s.kind === 'eia' ? 'EIA' : s.kind[0].toUpperCase() + s.kind.slice(1)} assessment (version ${s.version}): ${s.result}`, detail: s.reason })
  }
  for (const d of file.documents) out.push({ id: d.id, at: d.createdAt, kind: 'document', title: `${d.draft ? 'Draft: ' : ''}${d.title}`, detail: `To ${d.recipientName}${d.served ? `; served ${ukDate(d.served.date)} by ${d.served.method}` : ''}` })
  // Newest first; ISO strings (dates and date-times) sort as text.
  return out.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
}
