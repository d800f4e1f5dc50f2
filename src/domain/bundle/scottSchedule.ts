import type { Incident } from '../caseRecords'
import type { ExhibitRow } from './exhibits'
import type { NameBook } from './names'
import { whenText } from './chronology'

/**
 * A Scott schedule: one row per allegation relied on, with the evidence and witness for it and an
 * empty column for the respondent's reply — the form county courts use to try disputed
 * allegations one by one.
 */
export interface ScottRow {
  number: number
  incidentId: string
  date: string
  allegation: string
  /** Exhibit numbers of the evidence files attached to the incident, then any other references. */
  evidence: string[]
  witness: string
  reply: ''
}

/**
 * Rows for the incidents the officer relies on (all incidents when none are chosen), oldest first.
 * Refuses an id that is not an incident of this case rather than silently dropping an allegation.
 */
export function scottSchedule(incidents: Incident[], reliedOn: string[] | undefined, exhibits: ExhibitRow[], names: NameBook): ScottRow[] {
  const known = new Set(incidents.map((i) => i.id))
  const unknown = (reliedOn ?? []).filter((id) => !known.has(id))
  if (unknown.length) throw new RangeError(`These allegations are not incidents of this case: ${unknown.join(', ')}`)
  const chosen = reliedOn && reliedOn.length ? incidents.filter((i) => reliedOn.includes(i.id)) : incidents
  return [...chosen]
    .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.id.localeCompare(b.id))
    .map((incident, index) => {
      const attached = exhibits.filter((e) => e.incidentId === incident.id).map((e) => e.exhibitNumber)
      const other = [...incident.evidenceRefs, ...(incident.policeRef ? [`police reference ${incident.policeRef}`] : [])]
      const witnesses = [incident.reportedBy ? names.person(incident.reportedBy) : '', ...incident.witnesses.map((w) => names.person(w))].filter(Boolean)
      return {
        number: index + 1,
        incidentId: incident.id,
        date: whenText(incident.occurredAt),
        allegation: `At ${incident.location}: ${incident.description}`,
        evidence: [...attached, ...other],
        witness: [...new Set(witnesses)].join(', ') || 'none recorded',
        reply: '' as const,
      }
    })
}
