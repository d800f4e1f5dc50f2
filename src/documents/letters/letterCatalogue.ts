import { PolicyRefusal, ValidationError, type FieldProblem } from '@/domain/validation'
import { checkConfidentiality, isPerpetratorSide, type ConfidentialityFinding } from '../confidentialityGuard'
import { buildLetter, LETTER_ENGINE_VERSION, letterText, type EditableSlot, type LetterText } from '../letterEngine'
import { scoreReadability, type ReadabilityResult } from '../readability'
import { abaDates, acceptableBehaviourAgreement, type AbaFacts } from './acceptableBehaviourAgreement'
import { acknowledgementLetter, type AcknowledgementFacts } from './acknowledgement'
import { contactAttemptLetter, type ContactAttemptFacts } from './contactAttemptLetter'
import type { ComposedLetter, LetterContext } from './letterContext'
import { notAsbLetter, type NotAsbFacts } from './notAsbLetter'
import { cpnWarningLetter, parentWarningLetter, warningLetter, type CpnWarningFacts, type ParentWarningFacts, type WarningFacts } from './warningLetter'

export type { ComposedLetter, LetterContext } from './letterContext'

/** The facts an officer gives for each kind of letter (the rest comes from the case file and Settings). */
export type LetterFacts = AcknowledgementFacts | NotAsbFacts | WarningFacts | ParentWarningFacts | CpnWarningFacts | AbaFacts | ContactAttemptFacts
export type LetterKind = LetterFacts['kind']

export const letterKinds: { kind: LetterKind; label: string; description: string }[] = [
  { kind: 'acknowledgement', label: 'Acknowledgement', description: 'To the person who reported: what happens next, diaries, the ASB Case Review. Send within 5 working days.' },
  { kind: 'not ASB', label: '"Not ASB" explanation', description: 'Why we will not treat the report as ASB, and who can help instead.' },
  { kind: 'warning letter', label: 'Warning letter (adult)', description: 'A formal warning to an adult about specific incidents.' },
  { kind: 'parent warning letter', label: 'Warning letter to a parent or guardian', description: 'About the behaviour of a young person under 18.' },
  { kind: 'CPN warning', label: 'Community Protection warning', description: 'The written warning that must come before a Community Protection Notice (16 or over).' },
  { kind: 'ABA', label: 'Acceptable Behaviour Agreement', description: 'A voluntary written agreement with terms, support, a review date and signatures.' },
  { kind: 'contact attempt', label: 'Contact attempt letter', description: '"We have tried to reach you", with the dates we tried.' },
]

export function letterKindLabel(kind: string): string {
  return letterKinds.find((k) => k.kind === kind)?.label ?? kind
}

/** Builds the engine input for one letter, or refuses with a ValidationError naming every missing fact. */
export function composeLetter(facts: LetterFacts, ctx: LetterContext): ComposedLetter {
  const composed = (() => {
    switch (facts.kind) {
      case 'acknowledgement': return acknowledgementLetter(facts, ctx)
      case 'not ASB': return notAsbLetter(facts, ctx)
      case 'warning letter': return warningLetter(facts, ctx)
      case 'parent warning letter': return parentWarningLetter(facts, ctx)
      case 'CPN warning': return cpnWarningLetter(facts, ctx)
      case 'ABA': return acceptableBehaviourAgreement(facts, ctx)
      case 'contact attempt': return contactAttemptLetter(facts, ctx)
    }
  })()
  // Any letter that reaches the alleged perpetrator's side is guarded, whatever its kind.
  return { ...composed, guarded: composed.guarded || isPerpetratorSide(composed.recipientPersonId, ctx.caseFile.parties) }
}

export interface LetterPreview {
  composed?: ComposedLetter
  text?: LetterText
  /** Missing facts: the letter cannot be produced until these are given. */
  problems: FieldProblem[]
  findings: ConfidentialityFinding[]
  readability?: ReadabilityResult
  /** Where the officer may type, with the template's own wording as the starting text. */
  editableSlots: (EditableSlot & { text: string })[]
  /** True when the letter may be produced (no missing facts, nothing confidential). */
  ready: boolean
}

/** What the officer reviews before saving. Never throws for missing facts: it lists them. */
export function previewLetter(facts: LetterFacts, ctx: LetterContext): LetterPreview {
  let composed: ComposedLetter
  let text: LetterText
  try {
    composed = composeLetter(facts, ctx)
    text = letterText(composed.input)
  } catch (error) {
    if (error instanceof ValidationError) return { problems: error.problems, findings: [], editableSlots: [], ready: false }
    return { problems: [{ field: '', message: (error as Error).message }], findings: [], editableSlots: [], ready: false }
  }
  const findings = composed.guarded ? checkConfidentiality(text.paragraphs, ctx.caseFile.parties, composed.recipientPersonId) : []
  const editableSlots = composed.input.blocks.flatMap((b) => (b.type === 'paragraph' && b.editable ? [{ ...b.editable, text: b.text }] : []))
  return {
    composed, text, problems: [], findings, editableSlots,
    readability: scoreReadability(text.body, ctx.settings.readabilityTarget),
    ready: findings.length === 0,
  }
}

export interface ProducedLetter {
  composed: ComposedLetter
  text: LetterText
  bytes: Uint8Array<ArrayBuffer>
  /** Stored with the document: the template and the shared layout. */
  templateVersion: string
  fileName: string
}

function safeFileName(s: string): string {
  return s.replace(/[\\/:*?"<>|]+/g, '').replace(/\s+/g, ' ').trim()
}

/**
 * Produces the .docx. The confidentiality guard runs here on the finished text, not only in the
 * preview, so no caller can skip it: a finding refuses the letter and nothing is built.
 */
export async function produceLetter(facts: LetterFacts, ctx: LetterContext): Promise<ProducedLetter> {
  const composed = composeLetter(facts, ctx)
  const text = letterText(composed.input)
  if (composed.guarded) {
    const findings = checkConfidentiality(text.paragraphs, ctx.caseFile.parties, composed.recipientPersonId)
    if (findings.length) throw new PolicyRefusal(`The letter was not produced because it would identify a confidential party. ${findings.map((f) => f.message).join(' ')}`)
  }
  const bytes = await buildLetter(composed.input)
  return {
    composed, text, bytes,
    templateVersion: `${composed.templateVersion}+${LETTER_ENGINE_VERSION}`,
    fileName: safeFileName(`${ctx.caseFile.case.ref} ${letterKindLabel(composed.kind)} ${composed.recipientName} ${ctx.date.slice(0, 10)}.docx`),
  }
}

/** The intervention a letter records on the case, as `recordIntervention` takes it (without caseId/documentId). */
export interface LetterIntervention {
  kind: 'written warning' | 'CPN warning' | 'acceptable behaviour agreement'
  date: string
  againstPersonId?: string
  outcome: string
  reviewDue?: string
}

/**
 * What a produced letter also is on the case: warnings and ABAs are interventions [001 §9.2]. An
 * ABA's review date goes on the case clock; a CPN warning is the prior warning a CPN needs (s43(5)).
 */
export function letterIntervention(facts: LetterFacts, date: string): LetterIntervention | undefined {
  switch (facts.kind) {
    case 'warning letter':
      return { kind: 'written warning', date, againstPersonId: facts.recipientPersonId, outcome: 'Warning letter sent' }
    case 'parent warning letter':
      return { kind: 'written warning', date, againstPersonId: facts.youngPersonId, outcome: 'Warning letter sent to parent or guardian' }
    case 'CPN warning':
      return { kind: 'CPN warning', date, againstPersonId: facts.recipientPersonId, outcome: `Conduct must stop by ${facts.stopBy}` }
    case 'ABA': {
      const start = (facts.startDate || date).slice(0, 10)
      const { reviewOn, endsOn } = abaDates(start, facts.durationMonths, facts.reviewMonths)
      return { kind: 'acceptable behaviour agreement', date: start, againstPersonId: facts.recipientPersonId, reviewDue: reviewOn, outcome: `Agreement until ${endsOn}` }
    }
    default:
      return undefined
  }
}
