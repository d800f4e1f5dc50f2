import { addDays, formatISO, parseISO } from 'date-fns'
import { caseSearchText, type AsbCase, type RiskBand } from '@/domain/cases'
import type { ActionItem, Assessment, Contact, Incident } from '@/domain/caseRecords'
import { nextUpdateDue } from '@/domain/deadlines'
import type { CaseParty } from '@/domain/parties'
import type { Person, Tenure } from '@/domain/people'
import type { RoutingTable } from '@/domain/routing'
import type { WorkingCalendar } from '@/domain/workingDays'

/**
 * A realistic synthetic caseload for demos and the benchmark. Deterministic for a given seed, so a
 * benchmark run measures the same data every time. All names and addresses are invented.
 */
export interface DemoOptions {
  cases: number
  seed?: number
  officerIds: string[]
  today: string
  calendar: WorkingCalendar
  routing: RoutingTable
  /** Incidents per case are drawn from 1..maxIncidents. */
  maxIncidents?: number
  firstSequenceByYear?: Record<number, number>
}

export interface DemoCaseload {
  cases: AsbCase[]
  people: Person[]
  caseParties: CaseParty[]
  incidents: Incident[]
  contacts: Contact[]
  actions: ActionItem[]
  assessments: Assessment[]
  lastSequenceByYear: Record<number, number>
}

/** mulberry32: a small, well-known seeded PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const FIRST = ['Aisha', 'Ben', 'Chloe', 'Dev', 'Ellie', 'Femi', 'Grace', 'Harry', 'Imran', 'Jade', 'Kofi', 'Leah', 'Marek', 'Nadia', 'Owen', 'Priya', 'Quinn', 'Rosa', 'Sean', 'Tara', 'Usman', 'Vera', 'Wes', 'Yasmin', 'Zak']
const SURNAMES = ['Ahmed', 'Baker', 'Clarke', 'Davies', 'Evans', 'Fletcher', 'Green', 'Hughes', 'Iqbal', 'Jones', 'Kowalski', 'Lewis', 'Morgan', 'Nowak', 'Okafor', 'Patel', 'Quinlan', 'Roberts', 'Singh', 'Thomas', 'Urquhart', 'Vaughan', 'Walker', 'Young', 'Zielinski']
const STREETS = ['Harbour Road', 'Mill Lane', 'Station Street', 'Orchard Close', 'Kingfisher Way', 'Church View', 'Victoria Court', 'Beech Avenue', 'Canal Walk', 'Rowan Drive', 'Meadow Rise', 'Foundry Row']
const TOWNS = ['Bristol', 'Bath', 'Weston-super-Mare', 'Clevedon', 'Portishead']
const OUTWARD = ['BS1', 'BS2', 'BS3', 'BS4', 'BS5', 'BS13', 'BS20', 'BS21', 'BS23', 'BA1', 'BA2']
const TENURES: Tenure[] = ['assured', 'assured', 'assured', 'general needs', 'starter', 'secure (legacy)', 'leaseholder', 'affordable rent']
const WHAT_HAPPENED: Record<string, string[]> = {
  default: [
    'Loud music from the flat above until about 2am. My children could not sleep.',
    'Shouting and banging doors on the landing late at night.',
    'A group gathered outside the block drinking and swearing at people passing.',
    'Rubbish was thrown from the balcony into the shared garden.',
    'The neighbour shouted abuse at me when I asked them to turn the music down.',
    'Visitors coming and going all night, ringing the buzzer for other flats.',
    'The dog was left barking for hours while the owner was out.',
    'Someone kicked my front door and ran off.',
  ],
}
const LOCATIONS = ['Communal stairwell', 'Shared garden', 'Car park', 'Outside the front door', 'Flat above', 'Play area', 'Bin store']

export function generateDemoCaseload(options: DemoOptions): DemoCaseload {
  const rand = prng(options.seed ?? 20261125)
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]
  const asbRows = options.routing.rows.filter((r) => r.route === 'ASB team')
  const sequence: Record<number, number> = { ...(options.firstSequenceByYear ?? {}) }
  const today = parseISO(options.today)
  const out: DemoCaseload = { cases: [], people: [], caseParties: [], incidents: [], contacts: [], actions: [], assessments: [], lastSequenceByYear: sequence }
  let idCounter = 0
  const id = (prefix: string) => `demo-${prefix}-${(options.seed ?? 20261125).toString(36)}-${(idCounter++).toString(36)}`

  const person = (tenure?: Tenure): Person => {
    const outward = pick(OUTWARD)
    const postcode = `${outward} ${1 + Math.floor(rand() * 9)}${String.fromCharCode(65 + Math.floor(rand() * 26))}${String.fromCharCode(65 + Math.floor(rand() * 26))}`
    const surname = pick(SURNAMES)
    const now = options.today
    const p: Person = {
      id: id('p'),
      title: '',
      firstName: pick(FIRST),
      surname,
      address: { line1: `${1 + Math.floor(rand() * 120)} ${pick(STREETS)}`, line2: '', town: pick(TOWNS), postcode },
      flat: rand() < 0.4 ? `Flat ${1 + Math.floor(rand() * 30)}` : '',
      phone: `07700 9${String(Math.floor(rand() * 100000)).padStart(5, '0')}`,
      email: '',
      tenure,
      tenancyReference: tenure ? `T${100000 + Math.floor(rand() * 899999)}` : '',
      preferredMethod: pick(['telephone', 'email', 'letter', 'text message'] as const),
      accessibleFormats: rand() < 0.06 ? ['large print'] : [],
      language: '',
      vulnerabilityNotes: '',
      surnameKey: surname.toLowerCase(),
      postcodeKey: postcode.replace(/\s/g, '').toLowerCase(),
      createdAt: now,
      updatedAt: now,
    }
    p.email = rand() < 0.5 ? `${p.firstName.toLowerCase()}.${surname.toLowerCase()}@example.org` : ''
    return p
  }

  for (let i = 0; i < options.cases; i++) {
    const row = rand() < 0.9 ? pick(asbRows) : pick(options.routing.rows)
    const openedDaysAgo = Math.floor(rand() * 700)
    const opened = addDays(today, -openedDaysAgo)
    const openedIso = formatISO(opened, { representation: 'date' })
    const year = opened.getFullYear()
    sequence[year] = (sequence[year] ?? 0) + 1
    const ref = `ASB-${year}-${String(sequence[year]).padStart(5, '0')}`
    const band: RiskBand = row.band
    const firstContactDays = band === 'High' ? 1 : band === 'Medium' ? 3 : 5
    const closed = row.route !== 'ASB team' || (openedDaysAgo > 60 && rand() < 0.7)
    const closedIso = closed ? formatISO(addDays(opened, row.route !== 'ASB team' ? 1 : 20 + Math.floor(rand() * Math.min(openedDaysAgo - 1, 200))), { representation: 'date' }) : undefined
    const reporter = person(pick(TENURES))
    const perpetrator = person(pick(TENURES))
    const officerId = options.officerIds[i % options.officerIds.length]
    const caseId = id('c')
    out.people.push(reporter, perpetrator)
    const confidential = rand() < 0.3
    out.caseParties.push(
      { id: id('cp'), caseId, personId: reporter.id, role: 'reporter', consentToShare: rand() < 0.8, consentToApproach: rand() < 0.7, identityConfidential: confidential, createdAt: openedIso },
      { id: id('cp'), caseId, personId: perpetrator.id, role: 'alleged perpetrator', consentToShare: false, consentToApproach: false, identityConfidential: false, createdAt: openedIso },
    )
    const incidentCount = 1 + Math.floor(rand() * (options.maxIncidents ?? 6))
    let latest = openedIso
    for (let n = 0; n < incidentCount; n++) {
      const when = addDays(opened, -Math.floor(rand() * 14) + n * 3)
      const at = formatISO(when > today ? today : when).slice(0, 19)
      if (at > latest) latest = at
      out.incidents.push({
        id: id('i'), caseId, occurredAt: at, location: pick(LOCATIONS), category: row.category,
        description: pick(WHAT_HAPPENED.default), reportedBy: reporter.id, witnesses: [], evidenceRefs: [],
        policeRef: rand() < 0.15 ? `CAD ${1000 + Math.floor(rand() * 8999)}/${String(year).slice(2)}` : '',
        // Incidents before the case opened came with the first report; later ones were reported on the day.
        reportedAt: at.slice(0, 10) < openedIso ? openedIso : at.slice(0, 10),
        createdAt: openedIso, updatedAt: openedIso, createdBy: officerId,
      })
    }
    const contactCount = Math.floor(rand() * 4)
    let firstContactAt: string | undefined
    const caseContacts: Contact[] = []
    for (let n = 0; n < contactCount; n++) {
      const at = formatISO(addDays(opened, n * 4 + Math.floor(rand() * 3))).slice(0, 19)
      if (at.slice(0, 10) > options.today) break
      const successful = rand() < 0.75
      if (successful && !firstContactAt) firstContactAt = at
      caseContacts.push({
        id: id('ct'), caseId, at, personId: reporter.id, withWhom: `${reporter.firstName} ${reporter.surname}`,
        method: reporter.preferredMethod === 'email' ? 'email' : 'telephone', direction: 'outbound', successful,
        summary: successful ? 'Spoke about the latest incidents and agreed next steps.' : 'No answer; left a message asking them to call back.',
        createdBy: officerId, createdAt: at,
      })
    }
    out.contacts.push(...caseContacts)
    // Open ASB cases have an agreed update frequency and an action plan. [000 §4, 003 §3.10]
    const working = !closed && row.route === 'ASB team'
    const frequency = working ? pick([5, 10, 10, 15]) : undefined
    // The frequency was (re)agreed recently, so most demo cases are not all overdue at once.
    const recent = formatISO(addDays(today, -Math.floor(rand() * 14)), { representation: 'date' })
    const agreedAt = recent > openedIso ? recent : openedIso
    const nextUpdate = frequency ? nextUpdateDue(frequency, agreedAt, caseContacts, options.calendar).date : undefined
    if (working) {
      const plan = ['Visit the alleged perpetrator and discuss the reports', 'Send diary sheets to the reporter', 'Check with the police for related incidents', 'Review noise app recordings']
      const count = 1 + Math.floor(rand() * 2)
      for (let n = 0; n < count; n++) {
        const due = formatISO(addDays(today, Math.floor(rand() * 20) - 8), { representation: 'date' })
        out.actions.push({
          id: id('a'), caseId, what: plan[(n + i) % plan.length], owner: 'Case officer', due: due < openedIso ? openedIso : due,
          status: rand() < 0.3 ? 'done' : 'open', agreedWithReporterAt: openedIso, note: '', createdAt: openedIso, updatedAt: openedIso,
        })
      }
    }
    out.assessments.push({ id: id('ra'), caseId, kind: 'risk', version: 1, answers: {}, result: band, reason: 'Initial assessment at intake (demo).', completedAt: openedIso, by: officerId, at: openedIso })
    if (rand() < 0.6) {
      const vulnerable = rand() < 0.25
      out.assessments.push({
        id: id('va'), caseId, kind: 'vulnerability', version: 1, subjectPersonId: reporter.id, answers: { isolation: vulnerable },
        result: vulnerable ? 'Vulnerable' : 'No vulnerability identified', reason: vulnerable ? 'Actions: Agree more frequent contact.' : 'No actions triggered.',
        completedAt: openedIso, by: officerId, at: openedIso,
      })
    }
    const hate = row.hate === true
    out.cases.push({
      id: caseId,
      ref,
      status: closed ? 'closed' : 'open',
      category: row.category,
      route: row.route,
      ...(row.agency ? { agency: row.agency } : {}),
      ...(row.route !== 'ASB team' ? { triageReason: 'Not an ASB matter under the routing table.' } : {}),
      riskBand: band,
      hateRelated: hate,
      hateCharacteristics: hate ? [pick(['race/ethnicity', 'disability', 'religion or belief', 'sexual orientation'] as const)] : [],
      domesticAbuse: row.domesticAbuse === true,
      highHarm: row.highHarm === true,
      historic: false,
      anonymous: false,
      channel: pick(['online form', 'telephone', 'email', 'in person'] as const),
      officerId,
      reportedAt: openedIso,
      openedAt: openedIso,
      firstContactDue: options.calendar.addWorkingDays(openedIso, firstContactDays).date,
      acknowledgementDue: options.calendar.addWorkingDays(openedIso, 5).date,
      ...(firstContactAt ? { firstContactAt } : {}),
      ...(frequency ? { contactFrequencyDays: frequency, contactFrequencyMethod: reporter.preferredMethod, contactFrequencyAgreedAt: agreedAt, nextUpdateDue: nextUpdate } : {}),
      ...(closedIso ? { closedAt: closedIso, closure: { reason: row.route !== 'ASB team' ? 'Referred to another agency' : pick(['Actions completed', 'No further incidents for over 28 days', 'Insufficient evidence', 'ASB ceased']), closedAt: closedIso, closedBy: officerId, note: '' } } : {}),
      summary: `${row.category} reported by ${reporter.firstName} ${reporter.surname}.`,
      searchText: caseSearchText(ref, [reporter, perpetrator]),
      createdAt: openedIso,
      updatedAt: latest,
    })
  }
  return out
}
