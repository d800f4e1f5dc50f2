import { canonicalJson, sha256Hex } from '../audit'
import type { Assessment } from '../caseRecords'
import { ukDate, ukDateTime } from '../workingDays'
import { noticeActionKinds, type Approval, type FormalAction } from './actions'
import { eiaProblems, type EiaAnswers } from './eia'
import { proportionalityProblems, type GateProblem, type ProportionalityAnswers } from './proportionality'
import { groundRule, type RuleSet } from './ruleSet'

export type { GateProblem } from './proportionality'

/**
 * The gate before any formal action: details, proportionality, EIA, and a manager's quality check
 * by someone other than the author (four-eyes), plus the second, more senior approval where the
 * settings ask for one. [POLICY-RULES §5; LEGAL-NOTES §4; 001 §10.3, 003 §5.3–5.4, §8.5]
 * The data layer calls this before every step that depends on it; the screens only display it.
 */
export interface GatePack {
  action: FormalAction
  /** The latest version of each assessment for this action. */
  proportionality?: Assessment<ProportionalityAnswers>
  eia?: Assessment<EiaAnswers>
  secondApproval: { required: boolean; title: string }
  ruleSet: RuleSet
}

export interface GateResult {
  /** Complete and approved: notices may be generated for service. */
  ready: boolean
  /** Complete enough to be submitted for the manager's quality check. */
  readyForApproval: boolean
  problems: GateProblem[]
}

export const MIN_PARTICULARS_LENGTH = 40

/** What an approval covers. Any change to it afterwards voids the approval. */
export function actionFingerprint(action: FormalAction, proportionality?: Pick<Assessment, 'id'>, eia?: Pick<Assessment, 'id'>): string {
  const covered = {
    kind: action.kind, againstPersonIds: [...action.againstPersonIds].sort(), tenure: action.tenure ?? null, regimeId: action.regimeId ?? null,
    tenancy: action.tenancy ?? null, grounds: action.grounds, incidentIds: [...action.incidentIds].sort(), particulars: action.particulars,
    prohibitions: action.prohibitions, requirements: action.requirements,
    proportionality: proportionality?.id ?? null, eia: eia?.id ?? null,
  }
  return sha256Hex(new TextEncoder().encode(canonicalJson(covered)))
}

export function detailProblems(action: FormalAction, ruleSet: RuleSet): GateProblem[] {
  const p: GateProblem[] = []
  const need = (field: string, message: string) => p.push({ item: 'details', field, message })
  if (action.againstPersonIds.length === 0) need('againstPersonIds', 'Choose the person or people the action is against.')
  if (noticeActionKinds.includes(action.kind)) {
    if (!action.regimeId) need('tenure', 'No notice regime applies: check the tenure.')
    if (!action.tenancy) need('tenancy', 'Record the tenancy type (periodic with its rent period, or fixed term).')
    if (action.grounds.length === 0) need('grounds', 'Choose at least one ground.')
    for (const [i, choice] of action.grounds.entries()) {
      const rule = groundRule(ruleSet, choice.ground)
      if (rule.limbs && choice.limbs.length === 0) need(`grounds.${i}.limbs`, `${rule.number}: choose the limb(s) relied on.`)
      if (rule.needsClause && choice.clause.length < 3) need(`grounds.${i}.clause`, `${rule.number}: name the tenancy clause that was broken.`)
      if (rule.conditions && !choice.condition) need(`grounds.${i}.condition`, `${rule.number}: choose which condition is met.`)
      if (rule.conditions && !choice.conditionDate) need(`grounds.${i}.conditionDate`, `${rule.number}: enter the date of the conviction, finding or order.`)
    }
  }
  if (action.kind === 'civil injunction referral' && action.prohibitions.length === 0 && action.requirements.length === 0) need('prohibitions', 'Propose at least one prohibition or requirement for the injunction.')
  if (action.incidentIds.length === 0) need('incidentIds', 'Choose the incidents the action relies on.')
  if (action.particulars.trim().length < MIN_PARTICULARS_LENGTH) need('particulars', `Write the particulars (at least ${MIN_PARTICULARS_LENGTH} characters): why each ground applies, with dates.`)
  return p
}

/** The approval currently standing at a level: approved, not voided, and covering what is there now. */
export function standingApproval(action: FormalAction, level: Approval['level'], fingerprint: string): Approval | undefined {
  const last = [...action.approvals].reverse().find((a) => a.level === level && !a.voided)
  return last && last.decision === 'approved' && last.approvedFingerprint === fingerprint ? last : undefined
}

export function proportionalityGate(pack: GatePack): GateResult {
  const { action, proportionality, eia } = pack
  const problems: GateProblem[] = [...detailProblems(action, pack.ruleSet), ...proportionalityProblems(proportionality?.answers)]
  problems.push(...eiaProblems(eia?.answers))
  if (eia && !eia.completedAt && eiaProblems(eia.answers).length === 0) problems.push({ item: 'eia', message: 'EIA: save the assessment again to record when it was completed.' })
  const readyForApproval = problems.length === 0

  const fingerprint = actionFingerprint(action, proportionality, eia)
  const quality = standingApproval(action, 'quality check', fingerprint)
  if (!quality) {
    const voided = action.approvalVoided
    problems.push({
      item: 'approval',
      message: voided
        ? `The approval was voided on ${ukDateTime(voided.at)} because ${voided.reason}; a manager other than the author must approve it again.`
        : 'No manager other than the author has approved this action (four-eyes quality check).',
    })
  } else {
    if (quality.by === action.authorId) problems.push({ item: 'approval', message: 'The approval was recorded by the author; a different manager must approve (four-eyes).' })
    // The equality regard must be had before the decision (Bracking): the EIA is completed first.
    if (eia?.completedAt && quality.at < eia.completedAt) problems.push({ item: 'eia', message: `The EIA was completed on ${ukDate(eia.completedAt)}, after the decision; the decision must be made again.` })
  }
  if (pack.secondApproval.required) {
    const second = standingApproval(action, 'second approval', fingerprint)
    if (!second) problems.push({ item: 'second approval', message: `This action also needs approval by the ${pack.secondApproval.title}.` })
    else if (second.by === action.authorId || second.by === quality?.by) problems.push({ item: 'second approval', message: `The ${pack.secondApproval.title}'s approval must come from a third person, not the author or the first approver.` })
  }
  return { ready: problems.length === 0, readyForApproval, problems }
}

/** Refusal reasons for a would-be approver, before any passphrase is asked for. */
export function approverProblems(action: FormalAction, approverId: string, level: Approval['level'], fingerprint: string): string[] {
  const out: string[] = []
  if (approverId === action.authorId) out.push('You prepared this action, so you cannot approve it: a different manager must (four-eyes).')
  if (action.status !== 'awaiting approval') out.push(`The action is ${action.status}, not awaiting approval.`)
  if (level === 'second approval') {
    const quality = standingApproval(action, 'quality check', fingerprint)
    if (!quality) out.push('The manager\'s quality check must approve the action before the second approval.')
    else if (quality.by === approverId) out.push('You gave the first approval; the second approval must come from someone else.')
  }
  return out
}
