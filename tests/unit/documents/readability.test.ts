import { describe, expect, it } from 'vitest'
import { scoreReadability } from '@/documents/readability'

describe('Flesch reading ease', () => {
  it('scores short everyday sentences as plain English and long legal ones as hard', () => {
    const plain = scoreReadability('We got your report. I will call you soon. Please keep a diary of what happens.', 60)
    const legal = scoreReadability('Notwithstanding the aforementioned contractual obligations, the tenant’s persistent contravention of the covenant against nuisance constitutes a substantive and continuing breach justifying consideration of possession proceedings pursuant to the statutory framework.', 60)
    expect(plain.fleschReadingEase).toBeGreaterThan(70)
    expect(plain.meetsTarget).toBe(true)
    expect(plain.verdict).toMatch(/^Reading ease [\d.]+ \((plain English|very easy to read)\) meets the target of 60\.$/)
    expect(legal.fleschReadingEase).toBeLessThan(30)
    expect(legal.meetsTarget).toBe(false)
    expect(legal.verdict).toContain('is below the target of 60: use shorter sentences and everyday words.')
  })

  it('follows the target it is given', () => {
    const text = 'We received your report about the disturbance yesterday afternoon. I will telephone you tomorrow.'
    const { fleschReadingEase } = scoreReadability(text, 0)
    expect(fleschReadingEase).toBeGreaterThan(0)
    expect(fleschReadingEase).toBeLessThan(100)
    expect(scoreReadability(text, fleschReadingEase).meetsTarget).toBe(true)
    expect(scoreReadability(text, fleschReadingEase + 0.1).meetsTarget).toBe(false)
  })

  it('an empty text never meets the target', () => {
    expect(scoreReadability('  ', 0)).toMatchObject({ fleschReadingEase: 0, meetsTarget: false, words: 0, verdict: 'There is no text to score.' })
  })

  it('treats each line (a heading, a list item) as its own sentence and ignores list markers', () => {
    const lines = scoreReadability('What happens next\n1. We will call you\n2. We will visit', 60)
    const joined = scoreReadability('What happens next We will call you We will visit', 60)
    expect(lines.sentences).toBe(3)
    expect(lines.fleschReadingEase).toBeGreaterThan(joined.fleschReadingEase)
  })
})
