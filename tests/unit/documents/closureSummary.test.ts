import { describe, expect, it } from 'vitest'
import { generateDemoCaseload } from '@/data/demo/generate'
import { defaultCalendar } from '@/domain/calendarData'
import type { PartyWithPerson } from '@/domain/caseFile'
import type { Intervention } from '@/domain/caseRecords'
import { defaultRoutingTable } from '@/domain/routing'
import { defaultClosureSettings } from '@/domain/settings/closure'
import { organisationSettings } from '@/domain/settings/organisation'
import { buildClosureSummary, closureSummaryDraft, reviewClosureSummary, type ClosureSummaryFacts } from '@/documents/closureSummary'
import { checkPlainEnglish, findJargon } from '@/documents/plainEnglish'
import { docxText, runSizes } from '../helpers/readDocx'

const settings = defaultClosureSettings()
const reason = settings.reasons.find((r) => r.key === 'actions-completed')!
const officer = { name: 'Jo Smith', jobTitle: 'ASB Officer', phone: '0117 496 0123', email: 'jo.smith@riversidevale.example' }

/** Every ASB-team case of a demo caseload as closure-summary facts to its reporter. */
function demoFacts(count: number): ClosureSummaryFacts[] {
  const demo = generateDemoCaseload({ cases: count, seed: 7, officerIds: ['officer-1'], today: '2026-11-25', calendar: defaultCalendar, routing: defaultRoutingTable })
  const people = new Map(demo.people.map((p) => [p.id, p]))
  return demo.cases.filter((c) => c.route === 'ASB team').map((c) => {
    const parties: PartyWithPerson[] = demo.caseParties.filter((p) => p.caseId === c.id).map((p) => ({ ...p, person: people.get(p.personId)! }))
    const interventions: Intervention[] = [
      { id: `${c.id}-w`, caseId: c.id, kind: 'written warning', date: c.openedAt, outcome: '', createdBy: 'officer-1', createdAt: c.openedAt },
      { id: `${c.id}-m`, caseId: c.id, kind: 'mediation', date: c.openedAt, outcome: '', createdBy: 'officer-1', createdAt: c.openedAt },
    ]
    return {
      file: { case: c, parties, incidents: demo.incidents.filter((i) => i.caseId === c.id), contacts: demo.contacts.filter((x) => x.caseId === c.id), interventions },
      recipientPersonId: parties.find((p) => p.role === 'reporter')!.personId,
      reason, settings, caseReview: { threshold: 3, windowMonths: 6 }, organisation: organisationSettings.defaults(), officer, date: '2026-11-25',
    }
  })
}

describe('closure summary to the reporter', () => {
  const [facts] = demoFacts(5)

  it('read back from the .docx carries the ASB Case Review right, the local threshold and the council contact', async () => {
    const text = await docxText(await buildClosureSummary(facts))
    expect(text).toContain('Your right to an ASB Case Review')
    expect(text).toContain('You can ask for an ASB Case Review if you have reported anti-social behaviour three times or more in six months.')
    expect(text).toContain('To ask for a review, contact Bristol City Council.')
    expect(text).toContain('Phone: 0117 922 2000')
    expect(text).toContain('Email: asb.casereview@bristol.example')
    expect(text).toContain(settings.complaints)
    expect(text).toContain(`Just quote your reference, ${facts.file.case.ref}.`)
    expect(text).toContain('We will contact you in about four weeks')
    expect(text).toContain(reason.plainWhy)
    expect(text).toContain('we sent the other person a warning letter')
  })

  it('uses the local threshold from Settings, not a fixed number', async () => {
    const text = await docxText(await buildClosureSummary({ ...facts, caseReview: { threshold: 2, windowMonths: 12 } }))
    expect(text).toContain('reported anti-social behaviour twice or more in twelve months')
  })

  it('prints the officer’s rewrite of a paragraph in place of the draft', async () => {
    const text = await docxText(await buildClosureSummary({ ...facts, edits: { found: 'Our noise monitor picked up loud music on four nights.' } }))
    expect(text).toContain('Our noise monitor picked up loud music on four nights.')
    expect(text).not.toContain('We looked at each report and the proof we had.')
  })

  it('is not made when the officer’s rewrite takes it below the reading-ease target', async () => {
    const dense = 'Notwithstanding the considerable investigative undertakings, the organisation determined that insufficient corroborative documentation necessitated discontinuation of proceedings.'
    await expect(buildClosureSummary({ ...facts, edits: { found: dense, did: dense, why: dense, told: dense } })).rejects.toThrow(/The closure summary was not made: Reading ease [\d.]+ \(.+\) is below the target of 60/)
  })

  it('is large print when the reporter needs it', async () => {
    const party = facts.file.parties.find((p) => p.personId === facts.recipientPersonId)!
    const largePrintParties = facts.file.parties.map((p) => (p === party ? { ...p, person: { ...p.person, accessibleFormats: ['large print' as const] } } : p))
    const sizes = await runSizes(await buildClosureSummary({ ...facts, file: { ...facts.file, parties: largePrintParties } }))
    expect(Math.min(...sizes.filter((s) => s.part === 'word/document.xml').map((s) => s.halfPoints))).toBeGreaterThanOrEqual(32)
  })
})

describe('the default draft for the demo cases', () => {
  const all = demoFacts(40)

  it('covers real demo cases', () => {
    expect(all.length).toBeGreaterThan(20)
  })

  it('has no jargon-list words, scores at least 60 and has no flags', async () => {
    for (const facts of all) {
      const review = reviewClosureSummary(facts)
      expect(findJargon(review.text.body, settings.jargon), facts.file.case.ref).toEqual([])
      expect(review.readability.fleschReadingEase, facts.file.case.ref).toBeGreaterThanOrEqual(60)
      expect(review.flags, facts.file.case.ref).toEqual([])
    }
    // And the score read back from the .docx text agrees: the body as printed is plain English.
    const text = await docxText(await buildClosureSummary(all[0]))
    expect(findJargon(text, settings.jargon)).toEqual([])
  })
})

describe('the version to the other party', () => {
  const [facts] = demoFacts(5)
  const other = facts.file.parties.find((p) => p.role === 'alleged perpetrator')!

  it('leaves out the reporter-only parts and speaks to them as "you"', async () => {
    const text = await docxText(await buildClosureSummary({ ...facts, recipientPersonId: other.personId }))
    expect(text).toContain('We have closed the case')
    expect(text).toContain('we sent you a warning letter')
    expect(text).not.toContain('ASB Case Review')
    expect(text).not.toContain('Reopening your case')
  })

  it('refuses when the officer’s text names a confidential reporter', async () => {
    const reporter = facts.file.parties.find((p) => p.role === 'reporter')!
    const confidential = facts.file.parties.map((p) => (p === reporter ? { ...p, identityConfidential: true } : p))
    const edits = { found: `${reporter.person.firstName} ${reporter.person.surname} kept a diary for us.` }
    await expect(buildClosureSummary({ ...facts, file: { ...facts.file, parties: confidential }, recipientPersonId: other.personId, edits })).rejects.toThrow('The closure summary was not made')
  })
})

describe('plain-English flags', () => {
  const rules = { jargon: settings.jargon, maxSentenceWords: 25 }

  it('flags long sentences, passive voice and jargon with the plain alternative', () => {
    const long = 'We have looked very carefully at all of the many different reports that you have sent to us over the last few months and the notes we made.'
    const flags = checkPlainEnglish([long, 'The warning letter was sent to the perpetrator pursuant to the tenancy.'], rules)
    expect(flags.map((f) => [f.kind, f.paragraph])).toEqual([['long sentence', 0], ['passive voice', 1], ['jargon', 1], ['jargon', 1]])
    expect(flags[0].message).toBe('This sentence has 28 words (more than 25): split it in two.')
    expect(flags[1].matched).toBe('was sent')
    expect(flags[2].message).toBe('"perpetrator" is jargon: try "the person causing the problem".')
    expect(flags[3].message).toBe('"pursuant" is jargon: try "under".')
  })

  it('matches everyday endings and longest phrases first, but not parts of other words', () => {
    expect(findJargon('The alleged perpetrators escalated it; we terminated nothing.', settings.jargon).map((j) => j.matched)).toEqual(['alleged perpetrators', 'escalated', 'terminated'])
    expect(findJargon('Our remedial work', settings.jargon)).toEqual([])
  })

  it('does not flag "we are pleased" or active sentences as passive', () => {
    expect(checkPlainEnglish(['We are pleased the noise has stopped. We sent a letter.'], rules)).toEqual([])
  })

  it('shows flags against the paragraph the officer edited', () => {
    const [facts] = demoFacts(3)
    const review = reviewClosureSummary({ ...facts, edits: { why: 'Your case has been closed because the perpetrator stopped.' } })
    expect(review.flagsByKey.why.map((f) => f.kind)).toEqual(['passive voice', 'jargon'])
    expect(review.flagsByKey.told).toEqual([])
    expect(closureSummaryDraft(facts).map((p) => p.key)).toEqual(['told', 'found', 'did', 'why', 'again', 'reopen', 'follow-up', 'complaints'])
  })
})
