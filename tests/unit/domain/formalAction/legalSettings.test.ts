import { describe, expect, it } from 'vitest'
import { enabledRegimes, kindsOffered, legalDefaults, legalSchema } from '@/domain/settings/legal'
import { regimeFor, shippedRuleSet } from '@/domain/formalAction'

describe('legal settings', () => {
  it('does not offer Crime and Policing Act 2026 powers until switched on', () => {
    const settings = legalDefaults()
    expect(kindsOffered(settings)).not.toContain('Respect Order application')
    expect(kindsOffered(settings)).toContain('NOSP')
    settings.powersInForce['Respect Order application'] = true
    expect(kindsOffered(settings)).toContain('Respect Order application')
  })

  it('Form 3A exists but is switched off, so a market-rent tenancy gets no notice until it is on', () => {
    const settings = legalDefaults()
    expect(settings.regimes.form3a.enabled).toBe(false)
    expect(regimeFor('NOSP', 'market rent', shippedRuleSet, enabledRegimes(settings, '2026-11-25')).problem).toContain('switched off in the legal settings')
    settings.regimes.form3a.enabled = true
    expect(regimeFor('NOSP', 'market rent', shippedRuleSet, enabledRegimes(settings, '2026-11-25')).regimeId).toBe('form3a')
  })

  it('a regime is only used from its commencement date', () => {
    const settings = legalDefaults()
    settings.regimes.form3.commencement = '2027-01-01'
    expect(regimeFor('NOSP', 'assured', shippedRuleSet, enabledRegimes(settings, '2026-11-25')).problem).toContain('switched off')
    expect(regimeFor('NOSP', 'assured', shippedRuleSet, enabledRegimes(settings, '2027-01-01')).regimeId).toBe('form3')
  })

  it('secure tenants get s83 for a NOSP and s83ZA for the absolute ground', () => {
    const on = enabledRegimes(legalDefaults(), '2026-11-25')
    expect(regimeFor('NOSP', 'secure (legacy)', shippedRuleSet, on).regimeId).toBe('s83')
    expect(regimeFor('absolute ground 7A', 'secure (legacy)', shippedRuleSet, on).regimeId).toBe('s83za')
    expect(regimeFor('absolute ground 7A', 'assured', shippedRuleSet, on).regimeId).toBe('form3')
  })

  it('defaults: post is deemed served on the second working day; possession claims need a second approval', () => {
    const settings = legalDefaults()
    expect(settings.deemedServiceWorkingDays['first-class post']).toBe(2)
    expect(settings.secondApproval['possession claim']).toEqual({ required: true, title: 'Head of Customer Experience' })
  })

  it('refuses a required second approval without a named role, on the field', () => {
    const settings = legalDefaults()
    settings.secondApproval.NOSP = { required: true, title: '' }
    const result = legalSchema.safeParse(settings)
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]).toMatchObject({ path: ['secondApproval', 'NOSP', 'title'], message: 'name the role that gives the second approval' })
  })

  it('the shipped rule set reproduces the Ground 14 text from LEGAL-NOTES exactly', () => {
    const g14 = shippedRuleSet.grounds.find((g) => g.id === '14')!
    expect(g14.text).toBe([
      'The tenant or a person residing in or visiting the dwelling-house—',
      '(a) has been guilty of conduct causing or likely to cause a nuisance or annoyance to a person residing, visiting or otherwise engaging in a lawful activity in the locality,',
      "(aa) has been guilty of conduct causing or likely to cause a nuisance or annoyance to the landlord of the dwelling-house, or a person employed (whether or not by the landlord) in connection with the exercise of the landlord's housing management functions, and that is directly or indirectly related to or affects those functions, or",
      '(b) has been convicted of—',
      '(i) using the dwelling-house or allowing it to be used for immoral or illegal purposes, or',
      '(ii) an indictable offence committed in, or in the locality of, the dwelling-house.',
    ].join('\n'))
  })
})
