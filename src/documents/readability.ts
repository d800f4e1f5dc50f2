/**
 * Plain English: resident-facing text is measured with the Flesch reading ease score (0–100,
 * higher is easier; 60–70 is plain English). Letters must be clear and jargon-free [003 §4.1];
 * the officer sees the score against the target in Settings before saving.
 */
// The declaration travels with this file so every TypeScript project that includes it (the web
// build and the node-side tests) knows the untyped package's shape.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./text-readability.d.ts" />
import readability from 'text-readability'

export interface ReadabilityResult {
  /** Flesch reading ease, rounded to one decimal place. */
  fleschReadingEase: number
  target: number
  meetsTarget: boolean
  words: number
  sentences: number
  /** In words an officer can act on. */
  verdict: string
}

function band(score: number): string {
  if (score >= 80) return 'very easy to read'
  if (score >= 60) return 'plain English'
  if (score >= 50) return 'fairly difficult to read'
  if (score >= 30) return 'difficult to read'
  return 'very difficult to read'
}

/** Scores a text; an empty text scores 0 and never meets the target. */
export function scoreReadability(text: string, target: number): ReadabilityResult {
  // Numbered list markers and table bars are layout, not words.
  const clean = text.replace(/^\s*(\d+\.|•)\s+/gm, '').replace(/\s\|\s/g, ', ').trim()
  const words = clean ? readability.lexiconCount(clean) : 0
  if (!words) return { fleschReadingEase: 0, target, meetsTarget: false, words: 0, sentences: 0, verdict: 'There is no text to score.' }
  // Each paragraph is a sentence even when it has no full stop (headings, list items).
  const sentenced = clean.split('\n').map((l) => l.trim()).filter(Boolean).map((l) => (/[.!?:]$/.test(l) ? l : `${l}.`)).join(' ')
  const raw = readability.fleschReadingEase(sentenced)
  const score = Math.round(Math.max(0, Math.min(100, raw)) * 10) / 10
  const meetsTarget = score >= target
  const verdict = meetsTarget
    ? `Reading ease ${score} (${band(score)}) meets the target of ${target}.`
    : `Reading ease ${score} (${band(score)}) is below the target of ${target}: use shorter sentences and everyday words.`
  return { fleschReadingEase: score, target, meetsTarget, words, sentences: readability.sentenceCount(sentenced), verdict }
}
