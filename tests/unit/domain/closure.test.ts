import { describe, expect, it } from 'vitest'
import { defaultCalendar } from '@/domain/calendarData'
import type { CaseFile, PartyWithPerson } from '@/domain/caseFile'
import type { AsbCase } from '@/domain/cases'
import type { ActionItem, Contact, DocumentRecord, Incident } from '@/domain/caseRecords'
import {
  afterClosureDates, canCloseForNoContact, closureChecks, closureRefusalMessage, isRepeatReopening, maliciousReviewCheck,
  openActionsCheck, quietPeriodCheck, reopenProblem, reporterToldOutcomeCheck, unmetChecks, unservedDocumentsCheck,
  type ClosureContext, type MaliciousInvestigationNote, type MaliciousReviewNote,
} from '@/domain/closure'
import { closureSchema, defaultClosureSettings } from '@/domain/settings/closure'

const OFFICER = 'officer-jo'
const MANAGER = 'manager-priya'

function caseRow(overrides: Partial<AsbCase> = {}): AsbCase {
  return {
    id: 'c1', ref: 'ASB-2026-00042', status: 'open', category: 'Persistent noise or loud music', route: 'ASB team', riskBand: 'Medium',
    hateRelated: false, hateCharacteristics: [], domesticAbuse: false, highHarm: false, historic: false, anonymous: false, channel: 'telephone',
    officerId: OFFICER, reportedAt: '2026-09-01', openedAt: '2026-09-01', firstContactDue: '2026-09-04', acknowledgementDue: '2026-09-08',
    summary: '', searchText: '', createdAt: '2026-09-01', updatedAt: '2026-09-01', ...overrides,
  }
}

const reporter: PartyWithPerson = {
  id: 'cp-r', caseId: 'c1', personId: 'p-r', role: 'reporter', consentToShare: true, consentToApproach: true, identityConfidential: false, createdAt: '2026-09-01',
  person: {
    id: 'p-r', title: '', firstName: 'Maya', surname: 'Okonjo', flat: '', phone: '07700 900123', email: '', tenancyReference: '', accessibleFormats: [],
    language: '', vulnerabilityNotes: '', preferredMethod: 'telephone', surnameKey: 'okonjo', postcodeKey: '', createdAt: '', updatedAt: '',
  },
}

function contact(at: string, successful: boolean, extra: Partial<Contact> = {}): Contact {
  return { id: `ct-${at}`, caseId: 'c1', at, personId: 'p-r', withWhom: 'Maya Okonjo', method: 'telephone', direction: 'outbound', successful, summary: '', createdBy: OFFICER, createdAt: at, ...extra }
}

function incident(occurredAt: string): Incident {
  return { id: `i-${occurredAt}`, caseId: 'c1', occurredAt, location: '', category: '', description: '', witnesses: [], evidenceRefs: [], policeRef: '', createdAt: occurredAt, updatedAt: occurredAt, createdBy: OFFICER }
}

function doc(kind: string, createdAt: string, extra: Partial<DocumentRecord> = {}): Omit<DocumentRecord, 'bytes'> {
  return {
    id: `d-${kind}`, caseId: 'c1', kind, title: kind, recipientPersonId: 'p-r', recipientName: 'Maya Okonjo', fileName: `${kind}.docx`, size: 1, sha256: '',
    templateVersion: '1', ruleSetVersion: '', draft: false, createdBy: OFFICER, createdAt, ...extra,
  }
}

function ctx(file: Partial<CaseFile> = {}, today = '2027-02-01'): ClosureContext {
  return {
    file: { case: caseRow(), parties: [reporter], incidents: [], contacts: [], actions: [], documents: [], notes: [], ...file },
    settings: defaultClosureSettings(),
    calendar: defaultCalendar,
    today,
  }
}

describe('settings defaults', () => {
  it('pass their own schema and carry the TP12 wording and the seed reasons', () => {
    const s = closureSchema.parse(defaultClosureSettings())
    expect(s.surveyQuestions.find((q) => q.key === 'tp12')?.text).toBe("How satisfied or dissatisfied are you with your landlord's approach to handling anti-social behaviour?")
    expect(s.reasons).toHaveLength(9)
    expect(s.followUpWeeks).toBe(4)
    expect(s.jargon.find((j) => j.word === 'perpetrator')?.plain).toBe('the person causing the problem')
  })

  it('refuse a list without TP12, naming the field', () => {
    const s = defaultClosureSettings()
    s.surveyQuestions = s.surveyQuestions.filter((q) => q.key !== 'tp12')
    const result = closureSchema.safeParse(s)
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]).toMatchObject({ path: ['surveyQuestions'], message: expect.stringContaining('TP12') })
  })
})

describe('reporter told the outcome', () => {
  it('is met when the outcome was discussed by the preferred method', () => {
    const check = reporterToldOutcomeCheck(ctx({ contacts: [contact('2026-10-02T10:00:00', true, { aboutOutcome: true })] }))
    expect(check.status).toBe('met')
    expect(check.message).toContain('discussed with Maya Okonjo by telephone on 2 October 2026')
  })

  it('does not count an outcome conversation by another method than the preferred one', () => {
    const check = reporterToldOutcomeCheck(ctx({ contacts: [contact('2026-10-02T10:00:00', true, { aboutOutcome: true, method: 'email' })] }))
    expect(check.status).toBe('not met')
    expect(check.message).toContain('No unanswered attempts by telephone')
  })

  it('refuses with no contact at all and says how to fix it', () => {
    const check = reporterToldOutcomeCheck(ctx())
    expect(check.status).toBe('not met')
    expect(check.message).toBe('Maya Okonjo has not been told the outcome. No unanswered attempts by telephone are recorded; written closure needs 3 attempts over at least 10 working days.')
    expect(check.fix).toContain('record it on the Contacts tab as about the outcome')
  })

  it('counts three attempts across the Christmas bank holidays in working days, not calendar days', () => {
    // 21 Dec 2026 → 5 Jan 2027 is 15 calendar days and 11 weekdays, but 25 Dec, 28 Dec (substitute
    // Boxing Day) and 1 Jan are bank holidays: only 8 working days.
    const attempts = [contact('2026-12-21T10:00:00', false), contact('2026-12-29T10:00:00', false), contact('2027-01-05T10:00:00', false)]
    const result = canCloseForNoContact(attempts, defaultClosureSettings(), defaultCalendar)
    expect(result.spanWorkingDays).toBe(8)
    expect(result.enough).toBe(false)
    expect(result.nextAttemptFrom).toBe('2027-01-07')

    const check = reporterToldOutcomeCheck(ctx({ contacts: attempts }))
    expect(check.status).toBe('not met')
    expect(check.message).toContain('3 unanswered attempts by telephone so far, over 8 working days')
    expect(check.fix).toContain('the last on or after 7 January 2027')
  })

  it('allows written closure after the third attempt 10 working days on, once the letter is saved', () => {
    const attempts = [contact('2026-12-21T10:00:00', false), contact('2026-12-29T10:00:00', false), contact('2027-01-07T10:00:00', false)]
    expect(canCloseForNoContact(attempts, defaultClosureSettings(), defaultCalendar)).toMatchObject({ enough: true, spanWorkingDays: 10 })

    const withoutLetter = reporterToldOutcomeCheck(ctx({ contacts: attempts }))
    expect(withoutLetter.status).toBe('not met')
    expect(withoutLetter.message).toContain('written closure is allowed, but no closure letter to Maya Okonjo is saved yet')

    const withLetter = reporterToldOutcomeCheck(ctx({ contacts: attempts, documents: [doc('contact attempt', '2027-01-08T09:00:00')] }))
    expect(withLetter.status).toBe('met')
    expect(withLetter.message).toContain('written closure: contact attempt saved on 8 January 2027')
  })

  it('only counts attempts made since the reporter was last reached, and by the preferred method', () => {
    const contacts = [
      contact('2026-12-01T10:00:00', false), contact('2026-12-03T10:00:00', false),
      contact('2026-12-10T10:00:00', true), // reached them: earlier attempts no longer count
      contact('2026-12-14T10:00:00', false), contact('2027-01-08T10:00:00', false, { method: 'email' }),
    ]
    const check = reporterToldOutcomeCheck(ctx({ contacts }))
    expect(check.message).toContain('1 unanswered attempt by telephone so far')
  })

  it('is not needed on an anonymous report with no reporter', () => {
    expect(reporterToldOutcomeCheck(ctx({ case: caseRow({ anonymous: true }), parties: [] })).status).toBe('not needed')
  })
})

describe('no further incidents for over 28 days', () => {
  const incidents = [incident('2026-09-05T22:00:00'), incident('2026-09-19T22:50:00')]

  it('refuses 28 days after the last incident and says from when it can be used', () => {
    const check = quietPeriodCheck(ctx({ incidents }), 'no-incidents-28-days', '2026-10-17')
    expect(check.status).toBe('not met')
    expect(check.message).toBe('The last incident was on 19 September 2026, only 28 days before closing; this reason needs more than 28 days without incidents.')
    expect(check.fix).toContain('close on or after 18 October 2026')
  })

  it('passes on day 29', () => {
    expect(quietPeriodCheck(ctx({ incidents }), 'no-incidents-28-days', '2026-10-18')).toMatchObject({ status: 'met', message: 'The last incident was on 19 September 2026, 29 days before closing.' })
  })

  it('is not needed for other reasons', () => {
    expect(quietPeriodCheck(ctx({ incidents }), 'actions-completed', '2026-09-20').status).toBe('not needed')
  })
})

describe('malicious closure', () => {
  const investigation: MaliciousInvestigationNote = { id: 'n1', caseId: 'c1', kind: 'malicious investigation', text: 'CCTV shows no one at the door on any of the dates.', by: OFFICER, at: '2026-10-01T10:00:00' }
  const review = (by: string, decision: 'agreed' | 'not agreed' = 'agreed'): MaliciousReviewNote => ({
    id: 'n2', caseId: 'c1', kind: 'malicious review', investigationId: 'n1', decision, text: 'Checked the CCTV log.', by, byName: by === OFFICER ? 'Jo Smith' : 'Priya Shah', at: '2026-10-02T10:00:00',
  })

  it('refuses without an investigation note', () => {
    expect(maliciousReviewCheck(ctx(), 'malicious')).toMatchObject({ status: 'not met', message: 'Closing as malicious needs a documented investigation note.' })
  })

  it('refuses without a managerial review', () => {
    expect(maliciousReviewCheck(ctx({ notes: [investigation] }), 'malicious')).toMatchObject({ status: 'not met', message: expect.stringContaining('needs a managerial review') })
  })

  it('refuses when the officer is their own reviewer', () => {
    const check = maliciousReviewCheck(ctx({ notes: [investigation, review(OFFICER)] }), 'malicious')
    expect(check.status).toBe('not met')
    expect(check.message).toContain('the officer cannot be their own reviewer')
  })

  it('refuses when the manager did not agree', () => {
    expect(maliciousReviewCheck(ctx({ notes: [investigation, review(MANAGER, 'not agreed')] }), 'malicious').status).toBe('not met')
  })

  it('needs a fresh review when a newer investigation note is written', () => {
    const newer = { ...investigation, id: 'n3', at: '2026-10-03T10:00:00' }
    expect(maliciousReviewCheck(ctx({ notes: [investigation, review(MANAGER), newer] }), 'malicious').message).toContain('none is recorded')
  })

  it('passes with an investigation and another manager agreeing', () => {
    expect(maliciousReviewCheck(ctx({ notes: [investigation, review(MANAGER)] }), 'malicious')).toMatchObject({ status: 'met', message: 'Priya Shah reviewed the investigation on 2 October 2026 and agreed.' })
  })
})

describe('open actions and unsent documents', () => {
  const action: ActionItem = { id: 'a1', caseId: 'c1', what: 'Install noise monitoring', owner: 'Jo Smith', due: '2026-10-10', status: 'open', createdAt: '', updatedAt: '' }

  it('lists open action items and passes once each is explained', () => {
    const refused = openActionsCheck(ctx({ actions: [action, { ...action, id: 'a2', status: 'done' }] }), {})
    expect(refused).toMatchObject({ status: 'not met', message: '1 open action-plan item is not resolved or explained.' })
    expect(refused.items).toEqual([{ id: 'a1', label: 'Install noise monitoring (Jo Smith, due 10 October 2026)', explained: false }])
    expect(openActionsCheck(ctx({ actions: [action] }), { a1: 'Reporter moved away; no longer needed.' }).status).toBe('met')
    expect(openActionsCheck(ctx({ actions: [action] }), { a1: '.' }).status).toBe('not met')
  })

  it('lists letters never sent but not internal documents or the closure summary', () => {
    const documents = [doc('warning letter', '2026-10-01'), doc('bundle', '2026-10-01'), doc('closure summary', '2026-10-01'), doc('acknowledgement', '2026-09-02', { id: 'sent', served: { date: '2026-09-02', method: 'first-class post', by: OFFICER, recordedAt: '' } })]
    const check = unservedDocumentsCheck(ctx({ documents }), {})
    expect(check.status).toBe('not met')
    expect(check.items?.map((i) => i.id)).toEqual(['d-warning letter'])
    expect(unservedDocumentsCheck(ctx({ documents }), { 'd-warning letter': 'Tenant moved out before it was posted.' }).status).toBe('met')
  })
})

describe('all checks together', () => {
  it('refuse with every unmet check named, and pass when all are met', () => {
    const request = { reasonKey: 'no-incidents-28-days', closedOn: '2026-10-10', note: '', explanations: {} }
    const c = ctx({ incidents: [incident('2026-09-19T22:50:00')] }, '2026-10-20')
    const unmet = unmetChecks(closureChecks(c, request))
    expect(unmet.map((u) => u.key)).toEqual(['reporter told the outcome', 'quiet period'])
    expect(closureRefusalMessage('ASB-2026-00042', closureChecks(c, request))).toContain('ASB-2026-00042 was not closed: Reporter told the outcome')

    const ok = ctx({ incidents: [incident('2026-09-19T22:50:00')], contacts: [contact('2026-10-19T10:00:00', true, { aboutOutcome: true })] }, '2026-10-20')
    expect(unmetChecks(closureChecks(ok, { ...request, closedOn: '2026-10-20' }))).toEqual([])
  })

  it('refuse an unknown reason, a future date and an already closed case', () => {
    const checks = closureChecks(ctx({ case: caseRow({ status: 'closed' }) }), { reasonKey: 'tidy-up', closedOn: '2026-10-10', note: '', explanations: {} })
    expect(checks.find((c) => c.key === 'reason')?.message).toBe('"tidy-up" is not one of the closure reasons in Settings.')
    expect(checks.find((c) => c.key === 'closing date')?.message).toBe('ASB-2026-00042 is already closed.')
    const future = closureChecks(ctx({}, '2026-10-01'), { reasonKey: 'actions-completed', closedOn: '2026-10-10', note: '', explanations: {} })
    expect(future.find((c) => c.key === 'closing date')?.message).toBe('The closing date 10 October 2026 is in the future.')
  })
})

describe('after closure and reopening', () => {
  it('schedules the survey in working days and the follow-up 4 weeks on', () => {
    // Closed Friday 18 December 2026: 21–24 Dec are days 1–4; 25 and 28 Dec are bank holidays; day 5 is 29 Dec.
    expect(afterClosureDates('2026-12-18', defaultClosureSettings(), defaultCalendar)).toEqual({ surveyDue: '2026-12-29', followUpDue: '2027-01-15' })
  })

  it('counts a reopening within 90 days of closure as a repeat, and not after', () => {
    expect(isRepeatReopening('2026-10-01', '2026-12-30', 90)).toBe(true) // day 90
    expect(isRepeatReopening('2026-10-01', '2026-12-31', 90)).toBe(false) // day 91
  })

  it('refuses to reopen an open case or before the closure date', () => {
    expect(reopenProblem({ status: 'open', ref: 'ASB-2026-00042' }, '2026-10-01', '2026-11-01')).toBe('ASB-2026-00042 is not closed, so it cannot be reopened.')
    expect(reopenProblem({ status: 'closed', closedAt: '2026-10-05', ref: 'X' }, '2026-10-01', '2026-11-01')).toContain('before the case was closed (5 October 2026)')
    expect(reopenProblem({ status: 'closed', closedAt: '2026-10-05', ref: 'X' }, '2026-10-06', '2026-11-01')).toBeUndefined()
  })
})
