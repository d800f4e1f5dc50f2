import { describe, expect, it } from 'vitest'
import { checkTenancyRows, guessMapping, parseTenancyCsv } from '@/domain/tenancyImport'
import { importTenancies, previewTenancyImport, type TenantPerson } from '@/data/repositories/tenancyImport'
import { ValidationError } from '@/domain/validation'
import { freshDatabase, userIn } from '../helpers/db'

// An export in the shape housing systems produce: their own headings, UK dates, a comma inside a
// quoted address, a BOM and CRLF line ends. Names and addresses are invented.
const EXPORT = '\uFEFF' + [
  'Tenancy Ref,Title,Forename,Surname,DOB,Flat,Address Line 1,Town,Post Code,Tenure Type,Start Date,Rent Frequency,Telephone,Email Address',
  'T100200,Ms,Maya,Okonjo,14/02/1985,Flat 3,"12 Kingfisher Way, Eastside",Bristol,bs5 6xy,Assured (non-shorthold),01/04/2019,Weekly,07700 900123,maya@example.org',
  'T100201,Mr,Dean,Harlow,,Flat 7,14 Kingfisher Way,Bristol,BS5 6XY,Starter tenancy,2025-09-01,Fortnightly,,',
  'T100201,Ms,Kerry,Harlow,,Flat 7,14 Kingfisher Way,Bristol,BS5 6XY,Starter tenancy,2025-09-01,Fortnightly,,',
  'T100202,,Sam,,31/02/1990,,1 Quay Street,Bristol,NOTAPOSTCODE,Caravan,yesterday,Daily,call me,not-an-email',
].join('\r\n')

describe('tenancy import: checking the file', () => {
  it('maps the headings, parses UK dates and tenures, and reports each bad cell by row and column', () => {
    const parsed = parseTenancyCsv(EXPORT)
    const mapping = guessMapping(parsed.headers)
    expect(mapping).toMatchObject({ tenancyReference: 'Tenancy Ref', firstName: 'Forename', postcode: 'Post Code', tenancyType: 'Tenure Type', tenancyStartDate: 'Start Date', rentPeriod: 'Rent Frequency', line1: 'Address Line 1' })
    const checked = checkTenancyRows(parsed, mapping)
    expect(checked.rows.map((r) => r.row)).toEqual([2, 3, 4])
    expect(checked.rows[0].value).toMatchObject({ line1: '12 Kingfisher Way, Eastside', postcode: 'BS5 6XY', dateOfBirth: '1985-02-14', tenancyType: 'assured', tenancyStartDate: '2019-04-01', rentPeriod: 'weekly' })
    expect(checked.rows[1].value).toMatchObject({ tenancyType: 'starter', tenancyStartDate: '2025-09-01', rentPeriod: 'fortnightly' })
    expect(checked.rejectedRows).toEqual([5])
    const row5 = checked.problems.filter((p) => p.row === 5)
    expect(row5).toEqual(expect.arrayContaining([
      { row: 5, column: 'Surname', problem: 'is required' },
      { row: 5, column: 'DOB', problem: 'the date of birth must be a date like 01/03/2026 or 2026-03-01' },
      { row: 5, column: 'Post Code', problem: 'must be a UK postcode, e.g. BS1 4DJ' },
      { row: 5, column: 'Tenure Type', problem: expect.stringMatching(/"Caravan" is not a tenancy type/) },
      { row: 5, column: 'Start Date', problem: 'must be a date like 01/03/2026 or 2026-03-01' },
      { row: 5, column: 'Rent Frequency', problem: 'must be weekly, fortnightly, four-weekly or monthly' },
      { row: 5, column: 'Telephone', problem: 'must contain only digits, spaces, +, ( ) and -' },
      { row: 5, column: 'Email Address', problem: 'must be an email address' },
    ]))
  })

  it('says which required field has no column, and refuses the same tenant twice', () => {
    const parsed = parseTenancyCsv('Ref,Surname,Address,Postcode,Type,Start\nT1,Smith,1 High St,BS1 4DJ,assured,01/01/2020\nT1,smith,1 High St,BS1 4DJ,assured,01/01/2020')
    const unmapped = checkTenancyRows(parsed, {})
    expect(unmapped.problems.map((p) => p.column)).toEqual(['Tenancy reference', 'Surname', 'Property address line 1', 'Postcode', 'Tenancy type', 'Tenancy start date'])
    expect(unmapped.rows).toEqual([])
    const mapped = checkTenancyRows(parsed, { tenancyReference: 'Ref', surname: 'Surname', line1: 'Address', postcode: 'Postcode', tenancyType: 'Type', tenancyStartDate: 'Start' })
    expect(mapped.rows).toHaveLength(1)
    expect(mapped.problems).toEqual([{ row: 3, column: 'Surname', problem: 'the same tenant is already on row 2 for tenancy T1' }])
  })
})

describe('tenancy import: writing', () => {
  it('imports in one audited transaction; a re-import updates people instead of duplicating them', async () => {
    const database = await freshDatabase()
    const officer = await userIn(database)
    const parsed = parseTenancyCsv(EXPORT)
    const checked = checkTenancyRows(parsed, guessMapping(parsed.headers))
    expect((await previewTenancyImport(checked.rows, database)).every((r) => !r.updates)).toBe(true)
    expect(await importTenancies(checked.rows, officer.id, database)).toEqual({ created: 3, updated: 0 })
    const dean = (await database.people.where('tenancyReference').equals('T100201').toArray()) as TenantPerson[]
    expect(dean.map((p) => p.firstName).sort()).toEqual(['Dean', 'Kerry'])
    expect(dean.find((p) => p.firstName === 'Dean')?.tenancy).toMatchObject({ startDate: '2025-09-01', rentPeriod: 'fortnightly', jointTenants: ['Kerry Harlow'] })
    expect(dean[0]).toMatchObject({ tenure: 'starter', surnameKey: 'harlow', postcodeKey: 'bs56xy' })
    const audit = await database.audit.orderBy('seq').toArray()
    expect(audit.filter((e) => e.action === 'created by tenancy import')).toHaveLength(3)
    expect(audit[audit.length - 1]).toMatchObject({ entity: 'tenancy import', after: { rows: 3, created: 3, updated: 0 } })

    // The next month's export: Maya has a new phone number, the officer had noted her vulnerability.
    const maya = (await database.people.where('tenancyReference').equals('T100200').first())!
    await database.people.update(maya.id, { vulnerabilityNotes: 'Hearing impairment: prefers text messages.' })
    const again = parseTenancyCsv(EXPORT.replace('07700 900123', '07700 900999'))
    const rechecked = checkTenancyRows(again, guessMapping(again.headers))
    const preview = await previewTenancyImport(rechecked.rows, database)
    expect(preview.map((r) => r.updates?.name)).toEqual(['Maya Okonjo', 'Dean Harlow', 'Kerry Harlow'])
    expect(await importTenancies(rechecked.rows, officer.id, database)).toEqual({ created: 0, updated: 3 })
    expect(await database.people.count()).toBe(3)
    const updated = await database.people.get(maya.id)
    expect(updated).toMatchObject({ phone: '07700 900999', vulnerabilityNotes: 'Hearing impairment: prefers text messages.' })
    const entry = (await database.audit.orderBy('seq').toArray()).find((e) => e.entityId === maya.id && e.action === 'updated by tenancy import')
    expect(entry).toMatchObject({ before: { phone: '07700 900123' }, after: { phone: '07700 900999' } })
  })

  it('refuses unchecked rows and the legal role, writing nothing', async () => {
    const database = await freshDatabase()
    const officer = await userIn(database)
    const legal = await userIn(database, 'Lee Legal', 'legal')
    const parsed = parseTenancyCsv(EXPORT)
    const checked = checkTenancyRows(parsed, guessMapping(parsed.headers))
    const auditBefore = await database.audit.count()
    await expect(importTenancies(checked.rows, legal.id, database)).rejects.toThrow(/Importing tenancies needs the officer or manager or administrator role; Lee Legal is a legal/)
    const forged = [{ row: 2, value: { ...checked.rows[0].value, postcode: '<script>' } }]
    const error = await importTenancies(forged, officer.id, database).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ValidationError)
    expect((error as Error).message).toMatch(/0\.value\.postcode — must be a UK postcode/)
    await expect(importTenancies([], officer.id, database)).rejects.toThrow(/there are no rows to import/)
    expect(await database.people.count()).toBe(0)
    expect(await database.audit.count()).toBe(auditBefore)
  })
})
