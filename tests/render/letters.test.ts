import { describe, expect, it } from 'vitest'
import { letterKinds, produceLetter } from '@/documents/letters/letterCatalogue'
import { factsFor, letterCase } from '../unit/documents/letterFixture'
import { renderToPdf } from './renderHelper'

/**
 * Each letter kind opens in LibreOffice and converts to a PDF of a sane length: a letter is one to
 * four pages; large print may take a few more but never runs away.
 */
describe('letters render in LibreOffice', () => {
  it.each(letterKinds.map((k) => k.kind))('%s converts to PDF with a sane page count', async (kind) => {
    const { ctx } = await letterCase()
    const produced = await produceLetter(factsFor(kind), ctx)
    const { pages, text } = renderToPdf(produced.bytes, kind.replace(/\W+/g, '-'))
    expect(pages).toBeGreaterThanOrEqual(1)
    expect(pages).toBeLessThanOrEqual(4)
    if (text !== undefined) {
      expect(text).toContain('ASB-2026-00042')
      // The footer fields are computed by the renderer: "Page 1 of N".
      expect(text).toMatch(new RegExp(`Page 1 of ${pages}`))
    }
  })

  it('a large-print warning letter converts and stays a reasonable length', async () => {
    const { ctx, caseFile } = await letterCase()
    caseFile.parties.find((p) => p.personId === 'p-perp')!.person.accessibleFormats = ['large print']
    const produced = await produceLetter(factsFor('warning letter'), ctx)
    const { pages } = renderToPdf(produced.bytes, 'warning-letter-large-print')
    expect(pages).toBeGreaterThanOrEqual(2)
    expect(pages).toBeLessThanOrEqual(8)
  })
})
