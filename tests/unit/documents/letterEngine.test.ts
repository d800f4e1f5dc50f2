import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { buildLetter, letterText, type LetterInput } from '@/documents/letterEngine'
import { organisationSettings } from '@/domain/settings/organisation'
import { ValidationError } from '@/domain/validation'
import { defaultRunSize, docxText, headerFooterText, paragraphStyles, runSizes, runsWithoutSize } from '../helpers/readDocx'

function input(overrides: Partial<LetterInput> = {}): LetterInput {
  return {
    organisation: organisationSettings.defaults(),
    officer: { name: 'Jo Smith', jobTitle: 'ASB Officer', phone: '0117 496 0123', email: 'jo.smith@riversidevale.example' },
    recipient: { name: 'Mr Dean Harlow', addressLines: ['Flat 7, 14 Kingfisher Way', 'Bristol', 'BS5 6XY'], greetingName: 'Mr Harlow' },
    caseRef: 'ASB-2026-00042',
    date: '2026-11-23',
    title: 'About the noise from your home',
    blocks: [
      { type: 'heading', text: 'What we were told' },
      { type: 'paragraph', text: 'We have had reports of loud music late at night.' },
      { type: 'numbered', items: ['Keep music down after 11pm.', 'Do not shout on the landing.'] },
      { type: 'table', header: ['Date', 'What happened'], rows: [['29 August 2026', 'Loud music until 2am.']] },
      { type: 'paragraph', text: '', editable: { key: 'extra', label: 'Anything else' } },
    ],
    ...overrides,
  }
}

describe('letter engine', () => {
  it('prints the letterhead, reference, UK date, recipient block, greeting and named officer', async () => {
    const text = await docxText(await buildLetter(input()))
    for (const expected of [
      'Riverside Vale Housing', '1 Quay Street, Bristol, BS1 4DJ', 'Private and confidential', 'Mr Dean Harlow', 'Flat 7, 14 Kingfisher Way',
      'BS5 6XY', 'Our reference: ASB-2026-00042', '23 November 2026', 'Dear Mr Harlow', 'About the noise from your home',
      'Your contact: Jo Smith, ASB Officer', 'Telephone: 0117 496 0123', 'Yours sincerely', 'jo.smith@riversidevale.example',
      'Keep music down after 11pm.', '29 August 2026', 'Loud music until 2am.',
    ]) expect(text).toContain(expected)
    expect(text).not.toMatch(/undefined|null|NaN|\{\{/)
  })

  it('uses real Word heading styles and numbers pages "Page X of Y" in the footer', async () => {
    const bytes = await buildLetter(input())
    const styles = await paragraphStyles(bytes)
    expect(styles).toContain('Heading1')
    expect(styles).toContain('Heading2')
    const [footer] = await headerFooterText(bytes, 'footer')
    expect(footer).toMatch(/Page \{PAGE\} of \{NUMPAGES\}/)
    expect(footer).toContain('ASB-2026-00042')
  })

  it('is 12 pt by default and large print makes every run at least 16 pt with larger headings', async () => {
    const normal = await runSizes(await buildLetter(input()))
    expect(Math.min(...normal.map((r) => r.halfPoints))).toBe(24)
    const largeBytes = await buildLetter(input({ largePrint: true, largePrintPt: 16 }))
    const large = await runSizes(largeBytes)
    expect(large.length).toBeGreaterThan(10)
    for (const r of large) expect(r.halfPoints, `${r.part}`).toBeGreaterThanOrEqual(32)
    expect(await runsWithoutSize(largeBytes)).toEqual([])
    expect(await defaultRunSize(largeBytes)).toBeGreaterThanOrEqual(32)
    expect(Math.max(...large.map((r) => r.halfPoints))).toBeGreaterThan(32)
    const bigger = await runSizes(await buildLetter(input({ largePrint: true, largePrintPt: 20 })))
    expect(Math.min(...bigger.map((r) => r.halfPoints))).toBe(40)
  })

  it('prints the draft label at the top and in the header of every page', async () => {
    const bytes = await buildLetter(input({ draftLabel: 'DRAFT — NOT FOR SERVICE' }))
    expect((await docxText(bytes)).split('\n')[0]).toBe('DRAFT — NOT FOR SERVICE')
    expect((await headerFooterText(bytes, 'header')).join('\n')).toContain('DRAFT — NOT FOR SERVICE')
    expect(await docxText(await buildLetter(input()))).not.toContain('DRAFT')
  })

  it('puts officer-typed text into editable paragraphs and leaves empty ones out', async () => {
    const withEdit = letterText(input({ edits: { extra: 'Please call me on Monday.' } }))
    expect(withEdit.body).toContain('Please call me on Monday.')
    const without = letterText(input())
    expect(without.paragraphs.every((p) => p.text.trim() !== '')).toBe(true)
    expect(await docxText(await buildLetter(input({ edits: { extra: 'Please call me on Monday.' } })))).toContain('Please call me on Monday.')
  })

  // Table cells are paragraphs of their own in Word; the plain text joins a row with " | ".
  it('the plain text matches the document text paragraph for paragraph', async () => {
    const text = letterText(input())
    const docx = (await docxText(await buildLetter(input()))).split('\n').filter((l) => l.trim())
    const plain = text.paragraphs.map((p) => p.text.replace(/^(\d+\.|•) /, '')).flatMap((t) => t.split(' | '))
    expect(docx.join('\n')).toBe(plain.join('\n'))
  })

  it('refuses a letter with no recipient address, naming what is missing, and builds nothing', async () => {
    const bad = input({ recipient: { name: 'Mr Dean Harlow', addressLines: [] } })
    await expect(buildLetter(bad)).rejects.toThrow(ValidationError)
    await expect(buildLetter(bad)).rejects.toThrow(/recipient address — Mr Dean Harlow has no address on record/)
  })

  it('puts the organisation logo in the letterhead when Settings has one, with alternative text', async () => {
    // A 1×1 PNG.
    const png = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='
    const withLogo = await JSZip.loadAsync(await buildLetter(input({ organisation: { ...organisationSettings.defaults(), logoDataUrl: png } })))
    expect(Object.keys(withLogo.files).some((n) => /^word\/media\/.+\.png$/.test(n))).toBe(true)
    expect(await withLogo.file('word/document.xml')!.async('string')).toContain('descr="Riverside Vale Housing logo"')
    const without = await JSZip.loadAsync(await buildLetter(input()))
    expect(Object.keys(without.files).some((n) => n.startsWith('word/media/'))).toBe(false)
  })

  it('refuses text that still holds a template placeholder', () => {
    expect(() => letterText(input({ blocks: [{ type: 'paragraph', text: `On ${String(undefined)} you played music.` }] }))).toThrow(/still contains "undefined"/)
  })
})
