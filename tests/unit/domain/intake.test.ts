import { describe, expect, it } from 'vitest'
import { intakeSchema, type IntakeInput } from '@/domain/intake'
import { defaultRoutingTable } from '@/domain/routing'

const context = { today: '2026-11-23', now: '2026-11-23T10:00', routing: defaultRoutingTable }
const base: IntakeInput = {
  reportedAt: '2026-11-23', channel: 'telephone', anonymous: false,
  reporter: { kind: 'new', person: { surname: 'Okonjo' } },
  category: 'Persistent noise or loud music',
  risk: { harm: 2, frequency: 2, vulnerability: 2, impact: 2, escalation: 2 },
  incident: { occurredAt: '2026-11-22T23:00', location: 'Landing', description: 'Music' },
}
const problems = (input: unknown) => {
  const r = intakeSchema(context).safeParse(input)
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]))
}

describe('intake rules (bad input gets a message on the field)', () => {
  it('accepts a complete report', () => {
    expect(problems(base)).toEqual({})
  })

  it('reports cross-field problems together with missing fields', () => {
    const p = problems({ ...base, reporter: undefined, channel: undefined, incident: { ...base.incident, occurredAt: '2026-11-23T18:00' } })
    expect(p).toMatchObject({
      channel: 'choose how the report came in',
      reporter: 'add the person reporting, or mark the report as anonymous',
      'incident.occurredAt': "can't be in the future",
    })
  })

  it('an incident after the report date is contradictory', () => {
    expect(problems({ ...base, reportedAt: '2026-11-20' })['incident.occurredAt']).toBe('is after the date of the report')
  })

  it('a child under 10 cannot be the perpetrator of an ASB matter, but may be for a routed-away one', () => {
    const child = { ...base, perpetrators: [{ kind: 'new', person: { surname: 'Young', dateOfBirth: '2018-06-01' } }] }
    expect(problems(child)['perpetrators.0.person.dateOfBirth']).toMatch(/under 10 \(aged 8\)/)
    expect(problems({ ...child, perpetrators: [{ kind: 'new', person: { surname: 'Young', dateOfBirth: '2016-11-23' } }] })).toEqual({})
    expect(problems({ ...child, category: 'Criminal damage', triageReason: 'Tenancy team' })).toEqual({})
  })

  it('an interpreter needs a language; a hate report needs the characteristic', () => {
    expect(problems({ ...base, preferences: { accessibleFormats: ['interpreter'] } })['preferences.language']).toBe('say which language the interpreter is for')
    expect(problems({ ...base, hateRelated: true }).hateCharacteristics).toBe('choose the characteristic(s) targeted')
  })

  it('a household member must belong to someone on the report', () => {
    const p = problems({ ...base, householdMembers: [{ person: { kind: 'new', person: { surname: 'Kid' } }, householdOf: 'perpetrator:0' }] })
    expect(p['householdMembers.0.householdOf']).toBe('that alleged perpetrator is not on the report')
  })

  it('a postcode is checked and tidied', () => {
    const bad = problems({ ...base, reporter: { kind: 'new', person: { surname: 'O', address: { line1: '1 Road', postcode: 'BS5' } } } })
    expect(bad['reporter.person.address.postcode']).toBe('must be a UK postcode, e.g. BS1 4DJ')
    const ok = intakeSchema(context).parse({ ...base, reporter: { kind: 'new', person: { surname: 'O', address: { line1: '1 Road', postcode: 'bs56xy' } } } })
    expect(ok.reporter).toMatchObject({ person: { address: { postcode: 'BS5 6XY' } } })
  })
})
