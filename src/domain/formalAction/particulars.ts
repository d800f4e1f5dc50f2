import { format, parseISO } from 'date-fns'
import type { Incident } from '../caseRecords'
import { ukDate } from '../workingDays'

/**
 * Particulars drafted from the incidents the officer selects: date, time, where, what happened,
 * in plain words, oldest first. [LEGAL-NOTES §2 item 4] The officer edits the draft; the finished
 * notice text still passes the confidentiality guard before it can be saved.
 */
export function draftParticulars(incidents: Incident[]): string {
  return [...incidents]
    .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt))
    .map((i) => {
      const hasTime = i.occurredAt.length > 10
      const when = hasTime ? `${ukDate(i.occurredAt)} at about ${format(parseISO(i.occurredAt), 'h.mmaaa')}` : ukDate(i.occurredAt)
      const where = i.location ? ` at ${i.location}` : ''
      const police = i.policeRef ? ` (police reference ${i.policeRef})` : ''
      return `On ${when}${where}: ${i.description.trim()}${police}`
    })
    .join('\n')
}
