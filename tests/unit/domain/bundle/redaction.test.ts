import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { bundleTexts, contentTraces } from '@/domain/bundle/bundleContent'
import { pseudonymLetter } from '@/domain/bundle/redaction'
import { assemble, preparedFixture } from './shared'

// Everything that would identify or locate the confidential reporter (Maya Okonjo) and the
// confidential victim (Aisha Bellweather) in the fixture.
const mayaTraces = ['Maya', 'Okonjo', '12 Kingfisher Way', 'Flat 3', '07700 900123', '07700900123', 'maya.okonjo@example.org']
const aishaTraces = ['Aisha', 'Bellweather', '16 Kingfisher Way', 'Flat 5', '07700 900789', 'aisha.b@example.net', 'BS5 6XZ', 'Anxiety']

function allText(texts: { text: string }[]): string {
  return texts.map((t) => t.text).join('\n')
}

describe('redaction for court / respondent disclosure', () => {
  it('leaves no name, address, flat, phone or email of a confidential party anywhere in the content', async () => {
    const { sources } = await preparedFixture()
    const assembled = assemble(sources, 'court / respondent disclosure')
    const text = allText(bundleTexts(assembled.content))
    for (const trace of [...mayaTraces, ...aishaTraces]) expect(text, trace).not.toContain(trace)
    expect(contentTraces(assembled)).toEqual([])
  })

  it('gives each confidential party one pseudonym used consistently in every section', async () => {
    const { sources } = await preparedFixture()
    const { content } = assemble(sources, 'court / respondent disclosure')
    // Parties in the order they were recorded: reporter Maya first, then victim Aisha.
    expect(content.summary.parties.filter((p) => p.identityConfidential).map((p) => p.name)).toEqual(['Witness A', 'Witness B'])
    expect(content.chronology.find((l) => l.sourceId === 'inc-2')?.source).toBe('Incident log — reported by Witness A; witnesses: Tom Reyes, Witness B')
    expect(content.scott.find((r) => r.incidentId === 'inc-2')?.witness).toBe('Witness A, Tom Reyes, Witness B')
    expect(content.statements.map((s) => s.witnessName)).toEqual(['Jo Smith', 'Witness A', 'Tom Reyes'])
    expect(content.statements[1].paragraphs[0]).toBe('I am Witness A of [address removed]. I am a reporter in this matter.')
    expect(content.exhibits[0].description).toBe('Acknowledgement letter to Witness A')
    expect(content.served[0].paragraphs).toEqual(['Dear Witness A', 'We will call you on [telephone removed].'])
    expect(content.served[0].redacted).toBe(true)
    expect(content.served[1].redacted).toBe(false)
  })

  it('keeps the respondent and non-confidential witnesses named, with the respondent\'s address', async () => {
    const { sources } = await preparedFixture()
    const { content } = assemble(sources, 'court / respondent disclosure')
    expect(content.summary.property).toBe('Flat 7, 14 Kingfisher Way, Bristol, BS5 6XY')
    expect(content.summary.parties.map((p) => p.name)).toEqual(expect.arrayContaining(['Dean Harlow', 'Kerry Harlow', 'Tom Reyes']))
    expect(content.scott[0].allegation).toBe('At Flat 7, 14 Kingfisher Way: Very loud music from Flat 7 until 2am.')
    // The respondent's hash-verified exhibits keep their fingerprints.
    expect(content.exhibits.every((e) => /^[0-9a-f]{64}$/.test(e.sha256))).toBe(true)
  })

  it('reports what was redacted where, without naming anyone it protects', async () => {
    const { sources } = await preparedFixture()
    const { report } = assemble(sources, 'court / respondent disclosure')
    expect(report).toEqual(expect.arrayContaining([
      expect.objectContaining({ where: 'Chronology', what: 'name of Witness A (replaced by the pseudonym)' }),
      expect.objectContaining({ where: 'Case summary — parties', what: 'address of Witness B' }),
      expect.objectContaining({ where: 'Case summary — parties', what: 'telephone of Witness B' }),
      expect.objectContaining({ where: 'Case summary — parties', what: 'email of Witness B' }),
      expect.objectContaining({ where: 'Exhibit JS/1', what: 'telephone of Witness A' }),
      expect.objectContaining({ where: 'Exhibits (zip)' }),
    ]))
    const reportText = JSON.stringify(report)
    for (const trace of [...mayaTraces, ...aishaTraces]) expect(reportText).not.toContain(trace)
  })
})

describe('redaction for other recipients', () => {
  it('leaves the legal team\'s bundle complete', async () => {
    const { sources } = await preparedFixture()
    const { content, report } = assemble(sources, 'legal team')
    expect(report).toEqual([])
    const text = allText(bundleTexts(content))
    for (const trace of ['Maya Okonjo', 'Aisha Bellweather', '07700 900789', 'Anxiety']) expect(text).toContain(trace)
  })

  it('shares with a partner agency only what consent allows', async () => {
    const { sources } = await preparedFixture()
    const { content } = assemble(sources, 'partner agency')
    const text = allText(bundleTexts(content))
    // Aisha did not consent; Maya consented but asked for her identity to be kept confidential.
    for (const trace of [...aishaTraces, ...mayaTraces]) expect(text, trace).not.toContain(trace)
    // Tom consented; the respondent's details are shared for enforcement [001 §8].
    expect(text).toContain('Tom Reyes')
    expect(text).toContain('Dean Harlow')
    // No statement is drafted for someone who did not consent.
    expect(content.statements.map((s) => s.witnessName)).toEqual(['Jo Smith', 'Witness A', 'Tom Reyes'])
  })

  it('names pseudonyms A…Z then AA, AB', () => {
    expect([0, 1, 25, 26, 27].map(pseudonymLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB'])
  })
})

describe('redaction holds for any confidential name', () => {
  it('leaves no whole-word trace of a random confidential name written in any case, in any section', async () => {
    const { sources } = await preparedFixture()
    const word = fc.stringMatching(/^[A-Z][a-z]{2,9}$/)
    // Words the redaction itself writes ("Witness B", "[address removed]") cannot be tested for absence.
    const markerWords = ['witness', 'removed', 'address', 'telephone', 'email', 'flat', 'postcode']
    await fc.assert(fc.asyncProperty(word, word, fc.constantFrom('upper', 'lower', 'as is'), async (first, surname, casing) => {
      fc.pre(![first, surname].some((n) => markerWords.includes(n.toLowerCase())))
      const shown = (s: string) => (casing === 'upper' ? s.toUpperCase() : casing === 'lower' ? s.toLowerCase() : s)
      const file = {
        ...sources.file,
        parties: sources.file.parties.map((p) => (p.personId === 'p-victim' ? { ...p, person: { ...p.person, firstName: first, surname } } : p)),
        incidents: sources.file.incidents.map((i) => ({ ...i, description: `${i.description} ${shown(`${first} ${surname}`)} saw it; ${shown(surname)} was scared.` })),
      }
      const { content } = assemble({ ...sources, file }, 'court / respondent disclosure')
      const text = bundleTexts(content).map((t) => t.text).join('\n')
      for (const name of [first, surname]) {
        // Whole words only: "Lou" may legitimately sit inside "Loud".
        expect(new RegExp(`(?<![\\p{L}\\p{N}])${name}(?![\\p{L}\\p{N}])`, 'iu').test(text), `${name} in the disclosure bundle`).toBe(false)
      }
    }), { numRuns: 25 })
  })
})
