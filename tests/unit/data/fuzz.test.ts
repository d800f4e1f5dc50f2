import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import type { WorkstationDatabase } from '@/data/db'
import { assignRole, confirmIdentity, createUser, recordUnlockAttempt } from '@/data/repositories/users'
import { saveSettings } from '@/data/repositories/settings'
import { recordIntervention, recordInterventionReview } from '@/data/repositories/interventions'
import { importTenancies } from '@/data/repositories/tenancyImport'
import { setBackupPassphrase, prepareRestore } from '@/data/backup/backup'
import { addAction, updateAction } from '@/data/repositories/actions'
import { reassessRisk, recordVulnerabilityAssessment } from '@/data/repositories/assessments'
import { addLegalNote, resolveLegalNote, storeBundle, allocateExhibits } from '@/data/repositories/bundles'
import { submitReport, reassignOfficer, setContactFrequency, recordCaseReviewNotice } from '@/data/repositories/cases'
import {
  closeCase, recordMaliciousInvestigation, recordMaliciousReview, reopenCase, recordSurveySent, recordSurveyAnswers, recordSurveyDeclined, recordFollowUp,
} from '@/data/repositories/closure'
import { recordContact } from '@/data/repositories/contacts'
import { storeDocument, markServed } from '@/data/repositories/documents'
import { addEvidence, removeEvidence } from '@/data/repositories/evidence'
import {
  startFormalAction, saveFormalActionDetails, saveProportionality, saveEia, submitForApproval, decideFormalAction, recordNoticeService, withdrawFormalAction, generateNotice,
} from '@/data/repositories/formalActions'
import { addIncident, editIncident } from '@/data/repositories/incidents'
import { drawQualitySample, scoreQualitySample } from '@/data/repositories/qualitySampling'
import { signIn } from '@/data/repositories/signIn'
import { organisationSettings } from '@/domain/settings/organisation'
import { lockSettings, backupSettings } from '@/domain/settings/trust'
import { BackupRefusal } from '@/domain/backup'
import { PolicyRefusal, ValidationError } from '@/domain/validation'
import { freshDatabase, userIn } from '../helpers/db'
import { insertCaseFixture } from '../helpers/caseFixture'

/**
 * Hostile input to every repository write: huge strings, control characters, script tags, wrong
 * types, missing fields, prototype tricks. Each call must either succeed (the value was in fact
 * acceptable text) or be refused with a clear error — a ValidationError/PolicyRefusal naming what
 * is wrong, never a TypeError from deep inside — and a refusal must leave every table as it was.
 */
const hostileValues: unknown[] = [
  undefined, null, '', ' ', 'x'.repeat(200_000), '\u0000\u0001\u0007\u001b[31m', '<script>alert(1)</script>', '"; DROP TABLE cases; --',
  '../../etc/passwd', '\uD800', '𝕏'.repeat(5000), 0, -1, 1e308, Number.NaN, Number.POSITIVE_INFINITY, true, [], [null], {}, { __proto__: { role: 'administrator' } },
  JSON.parse('{"__proto__": {"administrator": true}}'), new Uint8Array(0), new Date(Number.NaN), '2026-02-30', '9999-99-99T99:99:99Z', 'case-fixture', 'inc-1',
]
const hostile = fc.oneof(
  fc.constantFrom(...hostileValues),
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 100 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
)
const fieldNames = [
  'caseId', 'id', 'name', 'role', 'passphrase', 'kind', 'date', 'outcome', 'what', 'owner', 'due', 'status', 'summary', 'at', 'method', 'direction', 'successful',
  'reason', 'note', 'closedAt', 'answers', 'tp12', 'personId', 'incidentId', 'fileName', 'bytes', 'title', 'occurredAt', 'description', 'location', 'category',
  'userId', 'decision', 'servedAt', 'email', 'phone', 'postcode', 'surname', 'tenancyReference', 'idleMinutes', 'schedule', 'keep', 'row', 'value',
]
const hostileObject = fc.dictionary(fc.constantFrom(...fieldNames), hostile, { maxKeys: 8 })

interface Ctx {
  database: WorkstationDatabase
  admin: string
  manager: string
  legal: string
}

type Target = [name: string, call: (bad: unknown, ctx: Ctx) => Promise<unknown>]
const B = (v: unknown) => v as never

const targets: Target[] = [
  ['createUser', (bad, c) => createUser(B(bad), c.database)],
  ['assignRole', (bad, c) => assignRole(c.admin, B(bad), c.database)],
  ['confirmIdentity', (bad, c) => confirmIdentity(B(bad), B(bad), c.database)],
  ['recordUnlockAttempt', (bad, c) => recordUnlockAttempt(B(bad), false, 1, c.database)],
  ['signIn', (bad, c) => signIn(B(bad), c.database)],
  ['saveSettings organisation', (bad, c) => saveSettings(organisationSettings, bad, c.admin, c.database)],
  ['saveSettings lock', (bad, c) => saveSettings(lockSettings, bad, c.admin, c.database)],
  ['saveSettings backup', (bad, c) => saveSettings(backupSettings, bad, c.admin, c.database)],
  ['recordIntervention', (bad, c) => recordIntervention(B(bad), c.admin, c.database)],
  ['recordInterventionReview', (bad, c) => recordInterventionReview(B(bad), c.admin, c.database)],
  ['importTenancies', (bad, c) => importTenancies(B(bad), c.admin, c.database)],
  ['importTenancies rows', (bad, c) => importTenancies(B([{ row: 2, value: bad }]), c.admin, c.database)],
  ['setBackupPassphrase', (bad, c) => setBackupPassphrase(c.admin, B(bad), c.database, 100_000)],
  ['prepareRestore', (bad, c) => prepareRestore(B(bad), B(bad), c.database)],
  ['addAction', (bad, c) => addAction(B(bad), c.admin, {}, c.database)],
  ['updateAction', (bad, c) => updateAction(B(bad), B(bad), c.admin, c.database)],
  ['reassessRisk', (bad, c) => reassessRisk('case-fixture', B(bad), c.admin, c.database)],
  ['recordVulnerabilityAssessment', (bad, c) => recordVulnerabilityAssessment('case-fixture', B(bad), c.admin, c.database)],
  ['addLegalNote', (bad, c) => addLegalNote(B(bad), c.legal, c.database)],
  ['resolveLegalNote', (bad, c) => resolveLegalNote(B(bad), c.admin, c.database)],
  ['storeBundle', (bad, c) => storeBundle(B(bad), c.admin, c.database)],
  ['allocateExhibits', (bad, c) => allocateExhibits(B(bad), c.admin, c.database)],
  ['submitReport', (bad, c) => submitReport(B(bad), c.admin, {}, c.database)],
  ['reassignOfficer', (bad, c) => reassignOfficer('case-fixture', B(bad), c.manager, c.database)],
  ['setContactFrequency', (bad, c) => setContactFrequency('case-fixture', B(bad), c.admin, {}, c.database)],
  ['recordCaseReviewNotice', (bad, c) => recordCaseReviewNotice(B(bad), B(bad), c.admin, {}, c.database)],
  ['closeCase', (bad, c) => closeCase(B(bad), c.admin, c.database)],
  ['recordMaliciousInvestigation', (bad, c) => recordMaliciousInvestigation(B(bad), c.admin, c.database)],
  ['recordMaliciousReview', (bad, c) => recordMaliciousReview(B(bad), c.database)],
  ['reopenCase', (bad, c) => reopenCase(B(bad), c.admin, c.database)],
  ['recordSurveySent', (bad, c) => recordSurveySent(B(bad), c.admin, c.database)],
  ['recordSurveyAnswers', (bad, c) => recordSurveyAnswers(B(bad), c.admin, c.database)],
  ['recordSurveyDeclined', (bad, c) => recordSurveyDeclined(B(bad), c.admin, c.database)],
  ['recordFollowUp', (bad, c) => recordFollowUp(B(bad), c.admin, c.database)],
  ['recordContact', (bad, c) => recordContact(B(bad), c.admin, {}, c.database)],
  ['storeDocument', (bad, c) => storeDocument(B(bad), c.admin, c.database)],
  ['markServed', (bad, c) => markServed(B(bad), B(bad), c.database)],
  ['addEvidence', (bad, c) => addEvidence(B(bad), c.admin, c.database)],
  ['removeEvidence', (bad, c) => removeEvidence(B(bad), B(bad), c.admin, c.database)],
  ['startFormalAction', (bad, c) => startFormalAction(B(bad), c.admin, c.database)],
  ['saveFormalActionDetails', (bad, c) => saveFormalActionDetails(B(bad), B(bad), c.admin, c.database)],
  ['saveProportionality', (bad, c) => saveProportionality(B(bad), bad, c.admin, c.database)],
  ['saveEia', (bad, c) => saveEia(B(bad), bad, c.admin, c.database)],
  ['submitForApproval', (bad, c) => submitForApproval(B(bad), c.admin, c.database)],
  ['decideFormalAction', (bad, c) => decideFormalAction(B(bad), B(bad), c.manager, c.database)],
  ['generateNotice', (bad, c) => generateNotice(B(bad), B(bad), c.admin, c.database)],
  ['recordNoticeService', (bad, c) => recordNoticeService(B(bad), B(bad), c.admin, c.database)],
  ['withdrawFormalAction', (bad, c) => withdrawFormalAction(B(bad), B(bad), c.admin, c.database)],
  ['addIncident', (bad, c) => addIncident(B(bad), c.admin, {}, c.database)],
  ['editIncident', (bad, c) => editIncident('inc-1', B(bad), c.admin, {}, c.database)],
  ['drawQualitySample', (bad, c) => drawQualitySample(B(bad), c.manager, c.database)],
  ['scoreQualitySample', (bad, c) => scoreQualitySample(B(bad), B(bad), c.manager, c.database)],
]


async function snapshot(database: WorkstationDatabase): Promise<string> {
  const counts = await Promise.all(database.tables.map(async (t) => `${t.name}:${await t.count()}`))
  const last = await database.audit.orderBy('seq').last()
  return `${counts.join(',')}|${last?.hash ?? ''}`
}

/** A refusal a person can act on: our own error types, or at least a message that is not an engine crash. */
function isClearRefusal(error: unknown): boolean {
  if (error instanceof ValidationError || error instanceof PolicyRefusal || error instanceof BackupRefusal) return error.message.length > 0
  if (!(error instanceof Error) || error instanceof TypeError || error instanceof RangeError || error instanceof SyntaxError) return false
  return error.message.length > 0 && !/undefined|null|is not a function|Cannot read|DataError|Failed to execute/i.test(error.message)
}

function describeValue(value: unknown): string {
  try {
    return JSON.stringify(value)?.slice(0, 120) ?? String(value)
  } catch {
    return String(value)
  }
}

describe('hostile input to every repository write', () => {
  let template: Ctx
  beforeAll(async () => {
    const database = await freshDatabase()
    const admin = await userIn(database, 'Ada Admin')
    const manager = await userIn(database, 'Mo Manager', 'manager')
    const legal = await userIn(database, 'Lee Legal', 'legal')
    await insertCaseFixture(database, admin.id)
    template = { database, admin: admin.id, manager: manager.id, legal: legal.id }
  }, 60_000)

  /** Each target gets its own copy of the template database, so earlier targets' accepted writes do not pile up. */
  async function copyOfTemplate(): Promise<Ctx> {
    const database = await freshDatabase()
    for (const table of template.database.tables) {
      const rows = await table.toArray()
      if (rows.length) await database.table(table.name).bulkAdd(rows)
    }
    return { ...template, database }
  }

  it.each(targets)('%s: no crash, a clear refusal, nothing half-written', async (name, call) => {
    const ctx = await copyOfTemplate()
    const failures: string[] = []
    const attempt = async (bad: unknown) => {
      const before = await snapshot(ctx.database)
      const outcome = await call(bad, ctx).then(() => undefined, (error: unknown) => error ?? new Error('rejected with nothing'))
      if (outcome === undefined) return // accepted: the value was valid after all
      if (!isClearRefusal(outcome)) failures.push(`${describeValue(bad)} → ${(outcome as Error)?.name}: ${(outcome as Error)?.message?.slice(0, 160)}`)
      if ((await snapshot(ctx.database)) !== before) failures.push(`${describeValue(bad)} → refused but the database changed`)
    }
    for (const bad of hostileValues) await attempt(bad)
    await fc.assert(fc.asyncProperty(hostileObject, async (bad) => void (await attempt(bad))), { numRuns: 25, seed: 20261125 })
    expect(failures.slice(0, 5), `${name} mishandled hostile input`).toEqual([])
  }, 120_000)
})

describe('a bad id is refused naming the field, before any table is read', () => {
  it.each([
    ['resolveLegalNote', 'noteId', (c: Ctx) => resolveLegalNote(B(42), c.admin, c.database)],
    ['allocateExhibits', 'caseId', (c: Ctx) => allocateExhibits(B({}), c.admin, c.database)],
    ['saveFormalActionDetails', 'formalActionId', (c: Ctx) => saveFormalActionDetails(B(null), {}, c.admin, c.database)],
    ['saveProportionality', 'formalActionId', (c: Ctx) => saveProportionality(B([]), {}, c.admin, c.database)],
    ['saveEia', 'formalActionId', (c: Ctx) => saveEia(B(''), {}, c.admin, c.database)],
    ['submitForApproval', 'formalActionId', (c: Ctx) => submitForApproval(B(Number.NaN), c.admin, c.database)],
    ['addEvidence', 'caseId', (c: Ctx) => addEvidence(B({ caseId: 7, fileName: 'door.png' }), c.admin, c.database)],
  ] as const)('%s names %s', async (_name, field, call) => {
    const database = await freshDatabase()
    const admin = await userIn(database, 'Ada Admin')
    const error = await call({ database, admin: admin.id, manager: admin.id, legal: admin.id }).then(() => undefined, (e: unknown) => e)
    expect(error).toBeInstanceOf(ValidationError)
    expect((error as ValidationError).problems.map((p) => p.field)).toContain(field)
  })
})

it('addEvidence with no input at all says no file was given', async () => {
  const database = await freshDatabase()
  const admin = await userIn(database, 'Ada Admin')
  await expect(addEvidence(B(undefined), admin.id, database)).rejects.toThrow('The evidence file was not saved: no file was given')
})
