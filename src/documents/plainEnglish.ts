/**
 * Plain-English flags for resident-facing text: sentences that are too long, passive voice and
 * words from the jargon list (Settings data, each with a plain alternative). Communications must be
 * clear and jargon-free [003 §4.1]. The reading-ease score itself comes from `readability.ts`;
 * these flags tell the officer *where* to make the text easier.
 */
import type { JargonEntry } from '@/domain/settings/closure'

export type PlainEnglishFlagKind = 'long sentence' | 'passive voice' | 'jargon'

export interface PlainEnglishFlag {
  kind: PlainEnglishFlagKind
  /** Index of the paragraph in the list that was checked. */
  paragraph: number
  sentence: string
  /** The words that were flagged (the jargon word, the passive phrase). */
  matched?: string
  message: string
}

export interface PlainEnglishRules {
  jargon: JargonEntry[]
  maxSentenceWords: number
}

/** Splits a paragraph into sentences at . ! ? followed by a space or the end. */
export function sentencesOf(text: string): string[] {
  return text
    .replace(/\s+/g, ' ')
    .split(/(?<=[.!?])\s+(?=["'‘“(]?[A-Z0-9])/)
    .map((s) => s.trim())
    .filter(Boolean)
}

export function wordCount(sentence: string): number {
  return sentence.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The word and its everyday endings: perpetrator(s), escalate(d), escalating, terminated. */
function jargonPattern(word: string): RegExp {
  const words = word.trim().split(/\s+/).map(escape)
  const last = words.pop()!
  const stem = last.endsWith('e') ? `(?:${last}|${last.slice(0, -1)})` : last
  return new RegExp(`(?<![\\p{L}\\p{N}-])${[...words, `${stem}(?:s|es|d|ed|ing|ion|ions)?`].join('\\s+')}(?![\\p{L}\\p{N}-])`, 'giu')
}

/** Jargon in a text, longest entries first so "alleged perpetrator" is one finding, not two. */
export function findJargon(text: string, jargon: JargonEntry[]): { entry: JargonEntry; matched: string; index: number }[] {
  const found: { entry: JargonEntry; matched: string; index: number }[] = []
  const taken: [number, number][] = []
  for (const entry of [...jargon].sort((a, b) => b.word.length - a.word.length)) {
    for (const m of text.matchAll(jargonPattern(entry.word))) {
      const start = m.index ?? 0
      const end = start + m[0].length
      if (taken.some(([s, e]) => start < e && end > s)) continue
      taken.push([start, end])
      found.push({ entry, matched: m[0], index: start })
    }
  }
  return found.sort((a, b) => a.index - b.index)
}

// Irregular past participles common in letters; regular ones end in -ed.
const irregularParticiples = [
  'known', 'done', 'made', 'given', 'taken', 'seen', 'told', 'sent', 'shown', 'written', 'found', 'kept', 'held', 'brought', 'heard', 'left',
  'paid', 'put', 'said', 'caught', 'chosen', 'spoken', 'broken', 'stolen', 'driven', 'hidden', 'drawn', 'thrown', 'built', 'bought', 'meant',
  'met', 'set', 'spent', 'understood', 'forgotten', 'begun', 'won', 'served', 'issued',
]
// Past participles that usually work as adjectives after "be" ("we are pleased"): not flagged.
const adjectivalParticiples = new Set(['pleased', 'worried', 'concerned', 'interested', 'satisfied', 'dissatisfied', 'married', 'tired', 'scared', 'supposed', 'settled', 'unhappy', 'used'])
const passivePattern = new RegExp(
  `\\b(am|is|are|was|were|be|been|being)\\s+(?:(?:not|also|now|then|still|already|never|just|\\w+ly)\\s+)?(\\w+ed|${irregularParticiples.join('|')})\\b`,
  'gi',
)

/** Passive phrases ("was sent", "has been reviewed"): a sentence reads better saying who did it. */
export function findPassive(sentence: string): string[] {
  const found: string[] = []
  for (const m of sentence.matchAll(passivePattern)) {
    if (adjectivalParticiples.has(m[2].toLowerCase())) continue
    found.push(m[0])
  }
  return found
}

/** Every flag for a list of paragraphs, in reading order. */
export function checkPlainEnglish(paragraphs: string[], rules: PlainEnglishRules): PlainEnglishFlag[] {
  const flags: PlainEnglishFlag[] = []
  paragraphs.forEach((text, paragraph) => {
    for (const sentence of sentencesOf(text)) {
      const words = wordCount(sentence)
      if (words > rules.maxSentenceWords) {
        flags.push({ kind: 'long sentence', paragraph, sentence, message: `This sentence has ${words} words (more than ${rules.maxSentenceWords}): split it in two.` })
      }
      for (const phrase of findPassive(sentence)) {
        flags.push({ kind: 'passive voice', paragraph, sentence, matched: phrase, message: `"${phrase}" is passive: say who did it (for example "we sent" rather than "was sent").` })
      }
      for (const j of findJargon(sentence, rules.jargon)) {
        flags.push({ kind: 'jargon', paragraph, sentence, matched: j.matched, message: `"${j.matched}" is jargon: try "${j.entry.plain}".` })
      }
    }
  })
  return flags
}
