import { describe, expect, it } from 'vitest'
import { letterSettings, letterSettingsSchema, tenancyClauseFor } from '@/domain/settings/letters'
import { readSettings, saveSettings } from '@/data/repositories/settings'
import { ValidationError } from '@/domain/validation'
import { freshDatabase, userIn } from '../helpers/db'

describe('Settings › Letters', () => {
  it('defaults: 16 pt large print, reading ease 60, ABA 6 months with a 3-month review, signposting from the shipped data', () => {
    const d = letterSettings.defaults()
    expect(d).toMatchObject({ largePrintPt: 16, readabilityTarget: 60, abaDurationMonths: 6, abaReviewMonths: 3, contentVersion: '2026.1' })
    expect(d.signposting.map((s) => s.key)).toEqual(expect.arrayContaining(['environmental-health', 'police-101', 'mediation', 'rspca']))
    expect(d.abaTerms.positive.every((t) => t.startsWith('I will '))).toBe(true)
    expect(d.abaTerms.negative.every((t) => t.startsWith('I will not '))).toBe(true)
  })

  it('refuses large print under 16 pt, a review after the end, and duplicate signposting keys, naming each field', async () => {
    const database = await freshDatabase()
    const officer = await userIn(database)
    const d = letterSettings.defaults()
    const bad = { ...d, largePrintPt: 12, abaReviewMonths: 9, signposting: [...d.signposting, { ...d.signposting[0] }] }
    const error = await saveSettings(letterSettings, bad, officer.id, database).catch((e) => e)
    expect(error).toBeInstanceOf(ValidationError)
    expect((error as ValidationError).problems).toEqual(expect.arrayContaining([
      { field: 'largePrintPt', message: 'must be at least 16 pt' },
    ]))
    // Cross-field rules run once the fields themselves are valid.
    const second = letterSettingsSchema.safeParse({ ...d, abaReviewMonths: 9, signposting: [...d.signposting, { ...d.signposting[0] }] })
    expect(second.success).toBe(false)
    expect(second.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual(expect.arrayContaining([
      'abaReviewMonths: must not be after the end of the agreement',
      `signposting.${d.signposting.length}.key: "${d.signposting[0].key}" is used by another entry`,
    ]))
    expect(await readSettings(letterSettings, database)).toEqual(d)
  })

  it('a saved change is what letters read back', async () => {
    const database = await freshDatabase()
    const officer = await userIn(database)
    await saveSettings(letterSettings, { ...letterSettings.defaults(), largePrintPt: 20, readabilityTarget: 65 }, officer.id, database)
    expect(await readSettings(letterSettings, database)).toMatchObject({ largePrintPt: 20, readabilityTarget: 65 })
  })

  it('picks the tenancy clause by tenure, else the general clause', () => {
    const d = letterSettings.defaults()
    expect(tenancyClauseFor(d, 'starter')).toContain('starter tenancy')
    expect(tenancyClauseFor(d, 'commercial')).toBe(d.defaultTenancyClause)
    expect(tenancyClauseFor(d, undefined)).toBe(d.defaultTenancyClause)
  })
})
