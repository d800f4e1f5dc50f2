import { describe, expect, it } from 'vitest'
import type { Assessment } from '@/domain/caseRecords'
import { actionFingerprint, approverProblems, lesserStepsFromInterventions, proportionalityGate, shippedRuleSet, type Approval, type EiaAnswers, type FormalAction, type ProportionalityAnswers } from '@/domain/formalAction'
import { completeEia, completeProportionality } from './answers'

function action(over: Partial<FormalAction> = {}): FormalAction {
  return {
    id: 'fa-1', caseId: 'case-1', kind: 'NOSP', status: 'awaiting approval', againstPersonIds: ['p-perp', 'p-joint'], authorId: 'officer',
    createdAt: '2026-11-20T09:00:00.000Z', updatedAt: '2026-11-20T09:00:00.000Z', tenure: 'assured', regimeId: 'form3',
    tenancy: { type: 'periodic', rentPeriod: 'weekly', periodStartDate: '2026-01-05' },
    grounds: [{ ground: '14', limbs: ['a'], clause: '' }], incidentIds: ['inc-1'],
    particulars: 'On 29 August 2026 at about 11.40pm very loud music came from Flat 7 until 2am.',
    prohibitions: [], requirements: [], ruleSetVersion: shippedRuleSet.version, approvals: [], noticeDocumentIds: [],
    ...over,
  }
}
const prop = (answers: ProportionalityAnswers = completeProportionality(['inc-1'])): Assessment<ProportionalityAnswers> =>
  ({ id: 'prop-v1', caseId: 'case-1', kind: 'proportionality', version: 1, formalActionId: 'fa-1', answers, result: 'complete', reason: '', completedAt: '2026-11-20T10:00:00.000Z', by: 'officer', at: '2026-11-20T10:00:00.000Z' })
const eia = (answers: EiaAnswers = completeEia(), completedAt = '2026-11-20T10:30:00.000Z'): Assessment<EiaAnswers> =>
  ({ id: 'eia-v1', caseId: 'case-1', kind: 'eia', version: 1, formalActionId: 'fa-1', answers, result: 'complete', reason: '', completedAt, by: 'officer', at: '2026-11-20T10:30:00.000Z' })

function approved(a: FormalAction, by = 'manager', at = '2026-11-21T09:00:00.000Z', p = prop(), e = eia()): FormalAction {
  const approval: Approval = { id: 'ap-1', level: 'quality check', decision: 'approved', by, byName: 'Mo Manager', asTitle: 'Manager', reasons: 'Well evidenced and proportionate.', at, approvedFingerprint: actionFingerprint(a, p, e) }
  return { ...a, status: 'approved', approvals: [approval] }
}
// null stands for "not started" (undefined would pick up the default).
const gate = (a: FormalAction, p: Assessment<ProportionalityAnswers> | null = prop(), e: Assessment<EiaAnswers> | null = eia(), second = { required: false, title: '' }) =>
  proportionalityGate({ action: a, proportionality: p ?? undefined, eia: e ?? undefined, secondApproval: second, ruleSet: shippedRuleSet })
const messages = (r: ReturnType<typeof gate>) => r.problems.map((p) => p.message)

describe('the proportionality and equality gate', () => {
  it('opens only when proportionality, EIA and another manager\'s approval are all there', () => {
    const result = gate(approved(action()))
    expect(result).toEqual({ ready: true, readyForApproval: true, problems: [] })
  })

  it('refuses a missing proportionality assessment with its own message', () => {
    const result = gate(approved(action()), null)
    expect(result.ready).toBe(false)
    expect(messages(result)).toContain('The proportionality assessment has not been started.')
  })

  it('names each unanswered proportionality point and the missing statement separately', () => {
    const answers = completeProportionality(['inc-1'])
    delete answers.points.lesserSteps
    answers.points.capacity = { ...answers.points.capacity!, reasons: 'ok' }
    answers.points.groundProvable = { ...answers.points.groundProvable!, incidentIds: [] }
    answers.statement = ''
    const m = messages(gate(action(), prop(answers)))
    expect(m).toContain('Proportionality point 2 (Lesser steps) needs an answer.')
    expect(m).toContain('Proportionality point 11 (Capacity) needs reasons (at least 15 characters).')
    expect(m).toContain('Proportionality point 1 (Ground provable) needs at least one dated incident linked as proof.')
    expect(m).toContain('The final proportionality statement is missing or too short (at least 40 characters).')
  })

  it('refuses a missing or incomplete EIA with its own message', () => {
    expect(messages(gate(approved(action()), prop(), null))).toContain('The Equality Impact Assessment has not been started.')
    const answers = completeEia()
    delete answers.characteristics.race
    answers.household.localAuthorityInformed = 'no'
    answers.household.localAuthorityDetail = ''
    answers.disability.adjustmentsMade = ''
    const m = messages(gate(action(), prop(), eia(answers)))
    expect(m).toContain('EIA: Race — say whether it is known, not known or not disclosed.')
    expect(m).toContain('EIA: Household — there is a homelessness risk but the local authority was not informed: explain why.')
    expect(m).toContain('EIA: Equality Act s20 — record the reasonable adjustments made (or why none were needed).')
  })

  it('refuses without an approval by another manager', () => {
    const result = gate(action())
    expect(result.readyForApproval).toBe(true)
    expect(result.ready).toBe(false)
    expect(messages(result)).toEqual(['No manager other than the author has approved this action (four-eyes quality check).'])
  })

  it('does not accept an approval recorded by the author', () => {
    expect(messages(gate(approved(action(), 'officer')))).toContain('The approval was recorded by the author; a different manager must approve (four-eyes).')
  })

  it('the author cannot approve their own action', () => {
    const a = action({ authorId: 'manager-1' })
    expect(approverProblems(a, 'manager-1', 'quality check', actionFingerprint(a, prop(), eia()))).toContain('You prepared this action, so you cannot approve it: a different manager must (four-eyes).')
    expect(approverProblems(a, 'manager-2', 'quality check', actionFingerprint(a, prop(), eia()))).toEqual([])
  })

  it('an edit to the particulars, grounds or assessments after approval voids the approval', () => {
    const a = approved(action())
    expect(gate({ ...a, particulars: `${a.particulars} Also on 5 September.` }).ready).toBe(false)
    expect(gate({ ...a, grounds: [{ ground: '14', limbs: ['a', 'aa'], clause: '' }] }).ready).toBe(false)
    expect(gate(a, { ...prop(), id: 'prop-v2', version: 2 }).ready).toBe(false)
    expect(gate(a, prop(), { ...eia(), id: 'eia-v2', version: 2 }).ready).toBe(false)
    expect(gate(a).ready).toBe(true)
  })

  it('explains a voided approval in the refusal', () => {
    const a = approved(action())
    const voided: FormalAction = { ...a, status: 'draft', approvals: a.approvals.map((x) => ({ ...x, voided: { at: '2026-11-22T09:00:00.000Z', by: 'officer', reason: 'the particulars changed' } })), approvalVoided: { at: '2026-11-22T09:00:00.000Z', by: 'officer', reason: 'the particulars changed' } }
    expect(messages(gate(voided))[0]).toMatch(/^The approval was voided on 22 November 2026 at \d\d:00 because the particulars changed/)
  })

  it('an EIA completed after the decision does not count', () => {
    const late = eia(completeEia(), '2026-11-22T09:00:00.000Z')
    expect(messages(gate(approved(action(), 'manager', '2026-11-21T09:00:00.000Z', prop(), late), prop(), late))).toContain('The EIA was completed on 22 November 2026, after the decision; the decision must be made again.')
  })

  it('asks for the second, senior approval when the settings require one for the action', () => {
    const second = { required: true, title: 'Head of Customer Experience' }
    expect(messages(gate(approved(action({ kind: 'possession claim', regimeId: undefined })), prop(), eia(), second))).toEqual(['This action also needs approval by the Head of Customer Experience.'])
  })

  it('details: each ground needs its limb, clause or condition', () => {
    const m = messages(gate(action({ grounds: [{ ground: '14', limbs: [], clause: '' }, { ground: '12', limbs: [], clause: '' }, { ground: '7A', limbs: [], clause: '' }] })))
    expect(m).toContain('Ground 14: choose the limb(s) relied on.')
    expect(m).toContain('Ground 12: name the tenancy clause that was broken.')
    expect(m).toContain('Ground 7A: choose which condition is met.')
    expect(m).toContain('Ground 7A: enter the date of the conviction, finding or order.')
  })
})

describe('lesser steps pre-filled from interventions', () => {
  it('lists the interventions against the person, oldest first', () => {
    const base = { caseId: 'case-1', createdBy: 'o', createdAt: '2026-09-01' }
    const answer = lesserStepsFromInterventions([
      { ...base, id: 'i2', kind: 'acceptable behaviour agreement', date: '2026-10-01', againstPersonId: 'p-perp', outcome: 'Broken within a week' },
      { ...base, id: 'i1', kind: 'written warning', date: '2026-09-10', againstPersonId: 'p-perp', outcome: '' },
      { ...base, id: 'i3', kind: 'mediation', date: '2026-09-20', againstPersonId: 'someone-else', outcome: 'Declined' },
    ], ['p-perp'])
    expect(answer.interventionIds).toEqual(['i1', 'i2'])
    expect(answer.reasons).toBe('10 September 2026: written warning\n1 October 2026: acceptable behaviour agreement — Broken within a week')
  })
})
