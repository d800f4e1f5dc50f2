import { z } from 'zod'
import { defineSettingsSection } from './section'

/**
 * Closing a case: reasons, the contact-attempts rule, post-closure survey and follow-up, and the
 * plain-English rules for the closure summary. Defaults from the seed policies; every landlord
 * sets its own. [POLICY-RULES §6–7]
 */

/**
 * Some reasons carry a rule of their own:
 * - 'quiet period': only when the incident log shows no incident for more than `quietPeriodDays`;
 * - 'malicious': only after a documented investigation and a managerial review. [001 §11.4]
 */
export const closureReasonRules = ['none', 'quiet period', 'malicious'] as const
export type ClosureReasonRule = (typeof closureReasonRules)[number]

const text = (max: number) => z.string().trim().max(max, `must be ${max} characters or fewer`)
const required = (max: number) => text(max).min(1, 'is required')
const wholeNumber = (min: number, max: number) =>
  z.number({ message: 'must be a number' }).int('must be a whole number').min(min, `must be at least ${min}`).max(max, `must be ${max} or fewer`)

export const closureReasonSchema = z.object({
  /** Stable key: stored on the case so reports group by it even when the label is reworded. */
  key: z.string().trim().regex(/^[a-z0-9-]{2,40}$/, 'must be 2–40 lower-case letters, digits or hyphens'),
  label: required(120),
  /** "Why we are closing", in plain words for the reporter's closure summary. */
  plainWhy: required(600),
  rule: z.enum(closureReasonRules),
})
export type ClosureReason = z.infer<typeof closureReasonSchema>

export const surveyQuestionSchema = z.object({
  key: z.string().trim().regex(/^[a-z0-9-]{2,40}$/, 'must be 2–40 lower-case letters, digits or hyphens'),
  text: required(300),
})
export type SurveyQuestion = z.infer<typeof surveyQuestionSchema>

export const jargonEntrySchema = z.object({
  word: required(60),
  plain: required(120),
})
export type JargonEntry = z.infer<typeof jargonEntrySchema>

export const closureSchema = z
  .object({
    reasons: z.array(closureReasonSchema).min(1, 'must list at least one reason'),
    /** Three attempts by the preferred method over at least 10 working days. [001 §11.2] */
    contactAttempts: wholeNumber(1, 10),
    contactAttemptsOverWorkingDays: wholeNumber(0, 60),
    /** "No further incidents for over 28 days". [001 §11.4] */
    quietPeriodDays: wholeNumber(1, 365),
    /** Satisfaction survey sent within this many working days of closure. [003 §9.1] */
    surveyDueWorkingDays: wholeNumber(0, 60),
    /** Proactive follow-up contact this many weeks after closure. [003 §3.7] */
    followUpWeeks: wholeNumber(1, 52),
    /** A reopening within this many days of closure counts as a repeat. [001 §15.3] */
    repeatWindowDays: wholeNumber(1, 365),
    /** Survey questions answered on the TSM 1–5 scale; must include TP12. */
    surveyQuestions: z.array(surveyQuestionSchema).min(1, 'must have at least one question'),
    /** Words residents should not meet in a closure summary, with plain alternatives. [003 §4.1] */
    jargon: z.array(jargonEntrySchema),
    maxSentenceWords: wholeNumber(10, 60),
    /** Flesch reading ease the closure summary should reach before it is sent. */
    readabilityTarget: wholeNumber(0, 100),
    /** The council that runs the ASB Case Review for our homes, and how to apply. [001 §12] */
    caseReviewCouncil: z.object({
      name: required(120),
      phone: text(40).regex(/^[+0-9 ()-]*$/, 'must contain only digits, spaces, +, ( ) and -'),
      email: z.union([z.literal(''), z.email('must be an email address')]),
      website: text(300),
      howToApply: required(600),
    }),
    /** How to complain about our service. [003 §9.2] */
    complaints: required(600),
  })
  .superRefine((s, ctx) => {
    if (!s.surveyQuestions.some((q) => q.key === 'tp12')) {
      ctx.addIssue({ code: 'custom', path: ['surveyQuestions'], message: 'must include the TSM TP12 question (key "tp12")' })
    }
    const seen = new Set<string>()
    s.reasons.forEach((r, i) => {
      if (seen.has(r.key)) ctx.addIssue({ code: 'custom', path: ['reasons', i, 'key'], message: `"${r.key}" is used by another reason` })
      seen.add(r.key)
    })
    if (!s.caseReviewCouncil.phone && !s.caseReviewCouncil.email && !s.caseReviewCouncil.website) {
      ctx.addIssue({ code: 'custom', path: ['caseReviewCouncil', 'phone'], message: 'give at least a phone number, email or website so residents can apply' })
    }
  })
export type ClosureSettings = z.infer<typeof closureSchema>

/** The regulator's TP12 wording, unaltered (Tenant Satisfaction Measures). */
export const TP12_QUESTION = "How satisfied or dissatisfied are you with your landlord's approach to handling anti-social behaviour?"

/** The TSM answer scale: 5 = very satisfied … 1 = very dissatisfied (see the surveys contract). */
export const satisfactionScale = [
  { value: 5, label: 'Very satisfied' },
  { value: 4, label: 'Fairly satisfied' },
  { value: 3, label: 'Neither satisfied nor dissatisfied' },
  { value: 2, label: 'Fairly dissatisfied' },
  { value: 1, label: 'Very dissatisfied' },
] as const

export function defaultClosureSettings(): ClosureSettings {
  return {
    // Seed 001 §11.3–11.4, in its order.
    reasons: [
      { key: 'no-asb', label: 'No ASB identified, ASB has ceased, or the behaviour is not unreasonable', rule: 'none', plainWhy: 'We looked into what you told us. We found that the problem has stopped, or that it is not behaviour we can treat as anti-social.' },
      { key: 'actions-completed', label: 'Actions completed', rule: 'none', plainWhy: 'We have done everything we can for now, and we do not need to take any more steps.' },
      { key: 'referred', label: 'Referred to another agency', rule: 'none', plainWhy: 'We have passed your case to another service that is better placed to help. They will now deal with it.' },
      { key: 'lack-of-engagement', label: 'Lack of engagement', rule: 'none', plainWhy: 'We have not been able to stay in touch with you, so we cannot take the case further at the moment.' },
      { key: 'information-not-provided', label: 'Essential information not provided', rule: 'none', plainWhy: 'We asked for some details we need to take action. We have not had them, so we cannot move forward.' },
      { key: 'no-incidents-28-days', label: 'No further incidents for over 28 days', rule: 'quiet period', plainWhy: 'No new problems have been reported to us for more than four weeks.' },
      { key: 'insufficient-evidence', label: 'Insufficient evidence', rule: 'none', plainWhy: 'We do not have enough proof to take more action at the moment. This does not mean we think you are wrong.' },
      { key: 'legal-or-practical-limits', label: 'Legal or practical limits', rule: 'none', plainWhy: 'The law, or the facts of the case, do not let us take things further.' },
      { key: 'malicious', label: 'Malicious or made in bad faith', rule: 'malicious', plainWhy: 'We looked into your reports carefully. A manager checked our findings. We do not think the reports were made in good faith.' },
    ],
    contactAttempts: 3, // seed 001 §11.2
    contactAttemptsOverWorkingDays: 10, // seed 001 §11.2
    quietPeriodDays: 28, // seed 001 §11.4
    surveyDueWorkingDays: 5,
    followUpWeeks: 4,
    repeatWindowDays: 90, // seed 001 §15.3
    surveyQuestions: [
      { key: 'tp12', text: TP12_QUESTION },
      { key: 'kept-informed', text: 'How satisfied or dissatisfied are you that we kept you informed about your case?' },
      { key: 'easy-to-report', text: 'How satisfied or dissatisfied are you with how easy it was to report the problem?' },
      { key: 'outcome', text: 'How satisfied or dissatisfied are you with the outcome of your case?' },
    ],
    jargon: [
      { word: 'perpetrator', plain: 'the person causing the problem' },
      { word: 'alleged perpetrator', plain: 'the person you told us about' },
      { word: 'complainant', plain: 'you' },
      { word: 'injunctive', plain: 'a court order' },
      { word: 'injunction', plain: 'a court order' },
      { word: 'tenure', plain: 'your type of tenancy' },
      { word: 'pursuant', plain: 'under' },
      { word: 'hereby', plain: '(leave out)' },
      { word: 'aforementioned', plain: 'this' },
      { word: 'in accordance with', plain: 'under' },
      { word: 'remedy', plain: 'put right' },
      { word: 'intervention', plain: 'step we took' },
      { word: 'proportionate', plain: 'fair and reasonable' },
      { word: 'multi-agency', plain: 'with other services' },
      { word: 'escalate', plain: 'take further' },
      { word: 'utilise', plain: 'use' },
      { word: 'commence', plain: 'start' },
      { word: 'terminate', plain: 'end' },
      { word: 'notwithstanding', plain: 'even though' },
      { word: 'facilitate', plain: 'help' },
    ],
    maxSentenceWords: 25,
    readabilityTarget: 60,
    caseReviewCouncil: {
      name: 'Bristol City Council',
      phone: '0117 922 2000',
      email: 'asb.casereview@bristol.example',
      website: 'www.bristol.example/asb-case-review',
      howToApply: 'Phone or email the council, or fill in the form on its website. Tell them your address and the dates you reported the problem. We can help you put your diary sheets together.',
    },
    complaints: 'If you are unhappy with how we handled your case, you can make a complaint. Phone us, email us or write to us. We will reply within 10 working days.',
  }
}

export const closureSettings = defineSettingsSection({
  key: 'closure',
  title: 'Closing cases',
  version: 1,
  schema: closureSchema,
  defaults: defaultClosureSettings,
})
