import { readFile } from 'node:fs/promises'
import JSZip from 'jszip'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { createProfile, expectNoAxeViolations, loadDemoCaseload, signInAs, TEST_PASSPHRASE } from './helpers'

/**
 * The legal case bundle through the real screens: the officer takes a demo case through the
 * formal-action gate, a manager approves it, the officer prepares the bundle; the legal team sees
 * it under "Received bundles", downloads and verifies it, cannot edit the case, and leaves a note
 * that the officer then sees on Today and on the case. [issue 8]
 */

/** Test setup, not a user step: an open demo case with incidents and an alleged perpetrator. */
async function openCaseWithPerpetrator(page: Page): Promise<{ id: string; ref: string; perpetrator: string }> {
  const found = await page.evaluate(async () => {
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('asb-workstation')
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    const all = <T,>(store: string) => new Promise<T[]>((resolve, reject) => {
      const request = database.transaction(store).objectStore(store).getAll()
      request.onsuccess = () => resolve(request.result as T[])
      request.onerror = () => reject(request.error)
    })
    type Row = Record<string, unknown>
    const [cases, parties, people, incidents] = [await all<Row>('cases'), await all<Row>('caseParties'), await all<Row>('people'), await all<Row>('incidents')]
    database.close()
    const candidate = cases.find((c) => c.status === 'open' && parties.some((p) => p.caseId === c.id && p.role === 'alleged perpetrator') && incidents.some((i) => i.caseId === c.id))
    if (!candidate) return undefined
    const party = parties.find((p) => p.caseId === candidate.id && p.role === 'alleged perpetrator')!
    const person = people.find((p) => p.id === party.personId)!
    return { id: String(candidate.id), ref: String(candidate.ref), perpetrator: `${String(person.firstName)} ${String(person.surname)}`.trim() }
  })
  expect(found, 'the demo caseload has an open case with an alleged perpetrator').toBeTruthy()
  return found!
}

// Keyboard only: focus a control and use the keys a person would.
async function press(target: Locator, key = 'Enter'): Promise<void> {
  await target.focus()
  await target.page().keyboard.press(key)
}
async function type(target: Locator, text: string): Promise<void> {
  await target.focus()
  await target.page().keyboard.insertText(text)
}
const choose = (page: Page, group: string | RegExp, option: string) =>
  press(page.getByRole('radiogroup', { name: group }).getByRole('radio', { name: option, exact: true }), 'Space')

async function openTab(page: Page, caseId: string, tab: string): Promise<void> {
  await page.goto(`./#/cases/${caseId}`)
  await press(page.getByRole('tab', { name: tab }))
  await expect(page.getByRole('heading', { name: tab, level: 2 })).toBeVisible()
}

/** The formal-action gate as the officer completes it (same screens as tests/e2e/formalAction.spec.ts). */
async function prepareNosp(page: Page, perpetrator: string): Promise<void> {
  await press(page.getByRole('button', { name: 'Consider formal action' }))
  await choose(page, 'Action', 'Notice seeking possession')
  await press(page.getByRole('checkbox', { name: new RegExp(`^${perpetrator} \\(alleged perpetrator`) }), 'Space')
  await page.getByLabel('Tenure for this action').selectOption('assured')
  await press(page.getByRole('button', { name: 'Start', exact: true }))
  await expect(page.getByTestId('action-status')).toHaveText('draft')
  await page.getByLabel('A date a rent period starts on').fill('2026-01-05')
  await press(page.getByRole('checkbox', { name: /^Ground 14 —/ }), 'Space')
  await press(page.getByRole('checkbox', { name: '(a) nuisance or annoyance to people in the locality' }), 'Space')
  await press(page.getByRole('group', { name: 'Incidents relied on' }).getByRole('checkbox').first(), 'Space')
  await press(page.getByRole('button', { name: 'Draft particulars from the chosen incidents' }))
  await press(page.getByRole('button', { name: 'Save grounds and particulars' }))
  await expect(page.getByText('Details saved.')).toBeVisible()
  for (let n = 1; n <= 13; n++) {
    await choose(page, new RegExp(`^Point ${n}:`), 'Yes')
    const reasons = page.getByLabel(`Reasons for point ${n}`, { exact: true })
    if (!(await reasons.inputValue())) await type(reasons, `Considered on the evidence on file (point ${n}).`)
  }
  await press(page.getByRole('group', { name: 'Incidents that prove the ground' }).getByRole('checkbox').first(), 'Space')
  await type(page.getByLabel('Proportionality statement'), 'Warnings have not stopped the nuisance; possession is now a proportionate way to protect neighbours.')
  await press(page.getByRole('button', { name: 'Save proportionality assessment' }))
  await expect(page.getByText('Proportionality assessment saved and complete.')).toBeVisible()
  for (const c of ['Age', 'Disability', 'Gender reassignment', 'Marriage and civil partnership', 'Pregnancy and maternity', 'Race', 'Religion or belief', 'Sex', 'Sexual orientation']) {
    await choose(page, new RegExp(`^${c}$`), 'Not known')
    await type(page.getByLabel(`Potential impact — ${c.toLowerCase()}`, { exact: true }), 'None identified')
  }
  await choose(page, 'Does the conduct arise from a disability? (s15)', 'No')
  await type(page.getByLabel('Reasonable adjustments made (s20)'), 'Offered large print and a support worker at meetings.')
  await choose(page, 'Do children live in the home?', 'No')
  await choose(page, 'Is there a risk of homelessness?', 'No')
  await choose(page, 'Has the local authority been informed?', 'No')
  await choose(page, /^Are there safeguarding concerns/, 'No')
  await choose(page, 'Does the person understand the proceedings?', 'Yes')
  await choose(page, 'Is a litigation friend needed?', 'No')
  await choose(page, 'Is the person under 18?', 'No')
  await type(page.getByLabel('EIA conclusion'), 'No disproportionate impact on any protected group was found.')
  await press(page.getByRole('button', { name: 'Save Equality Impact Assessment' }))
  await expect(page.getByText('Equality Impact Assessment saved and complete.')).toBeVisible()
  await press(page.getByRole('button', { name: 'Submit for approval' }))
  await expect(page.getByTestId('action-status')).toHaveText('awaiting approval')
}

async function approve(page: Page, manager: string, caseId: string, perpetrator: string): Promise<void> {
  await openTab(page, caseId, 'Formal action')
  await press(page.getByRole('button', { name: new RegExp(`^Notice seeking possession against ${perpetrator} — awaiting approval`) }))
  await choose(page, 'Your decision', 'Approve')
  await type(page.getByLabel('Reasons for your decision'), 'Evidence is clear and the warnings did not work.')
  await type(page.getByLabel(`Passphrase for ${manager}`), TEST_PASSPHRASE)
  await press(page.getByRole('button', { name: 'Record decision' }))
  await expect(page.getByTestId('action-status')).toHaveText('approved')
}

async function downloadBytes(page: Page, button: Locator): Promise<{ name: string; bytes: Uint8Array }> {
  const download = page.waitForEvent('download')
  await press(button)
  const done = await download
  return { name: done.suggestedFilename(), bytes: new Uint8Array(await readFile((await done.path())!)) }
}

async function docxText(bytes: Uint8Array): Promise<string> {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string')
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' ')
}

test('officer prepares a bundle; the legal team receives, downloads and verifies it, cannot edit the case, and sends a note the officer sees', async ({ page }) => {
  test.setTimeout(300_000)
  await createProfile(page, 'Olu Officer')
  await createProfile(page, 'Mo Manager', 'Manager')
  await createProfile(page, 'Lee Counsel', 'Legal team')
  await signInAs(page, 'Olu Officer')
  await loadDemoCaseload(page, 20)
  const { id, ref, perpetrator } = await openCaseWithPerpetrator(page)

  // Before approval the bundle cannot be prepared.
  await openTab(page, id, 'Case bundle')
  await expect(page.getByText('A bundle can be prepared once a formal action on this case has been approved by a manager')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Prepare case bundle' })).toHaveCount(0)

  await openTab(page, id, 'Formal action')
  await prepareNosp(page, perpetrator)
  await signInAs(page, 'Mo Manager')
  await approve(page, 'Mo Manager', id, perpetrator)

  // The officer prepares the bundle for the legal team, with the keyboard.
  await signInAs(page, 'Olu Officer')
  await openTab(page, id, 'Case bundle')
  await expect(page.getByRole('radiogroup', { name: 'Who is the bundle for?' }).getByRole('radio', { name: 'Legal team' })).toBeChecked()
  await expect(page.getByRole('group', { name: /^Allegations relied on \(Scott schedule\)/ })).toBeVisible()
  await press(page.getByRole('button', { name: 'Prepare case bundle' }))
  await expect(page.getByRole('heading', { name: 'Bundle for the legal team is ready' })).toBeVisible({ timeout: 60_000 })
  await expect(page.getByText('Nothing was redacted: the legal team receives the full bundle.')).toBeVisible()
  await expect(page.getByRole('progressbar', { name: 'Bundle build progress' })).toHaveAttribute('aria-valuenow', '100')
  await expectNoAxeViolations(page, 'case bundle tab')

  // A disclosure bundle shows its redaction report.
  await choose(page, 'Who is the bundle for?', 'Court / respondent disclosure')
  await press(page.getByRole('button', { name: 'Prepare case bundle' }))
  await expect(page.getByRole('heading', { name: 'Bundle for the court / respondent disclosure is ready' })).toBeVisible({ timeout: 60_000 })
  await expect(page.getByRole('table', { name: 'Bundles prepared for this case' })).toContainText('Court / respondent disclosure')
  await expect(page.getByRole('table', { name: 'Bundles prepared for this case' }).getByRole('row')).toHaveCount(3)

  // The legal team: "Received bundles" in the navigation, read-only summaries, downloads.
  await signInAs(page, 'Lee Counsel')
  const nav = page.getByRole('navigation', { name: 'Main' })
  await press(nav.getByRole('link', { name: 'Received bundles' }))
  await expect(page.getByRole('heading', { name: 'Received bundles', level: 1 })).toBeVisible()
  const card = page.getByRole('article', { name: ref })
  await expect(card).toContainText('Case officer')
  await expect(card).toContainText('Olu Officer')
  await expect(card.getByRole('row')).toHaveCount(3)
  await expectNoAxeViolations(page, 'received bundles')

  const docx = await downloadBytes(page, card.getByRole('button', { name: /\(\.docx\)$/ }).last())
  expect(docx.name).toBe(`${ref} case bundle (legal team).docx`)
  const text = await docxText(docx.bytes)
  for (const heading of ['Case summary', 'Chronology', 'Scott schedule', 'Exhibits list', 'Witness statement of Olu Officer', 'Gate records', 'Documents served']) expect(text).toContain(heading)
  expect(text).toContain(perpetrator)
  expect(text).toContain('Approved by: Mo Manager')

  // Verify bundle: the untouched zip passes; a zip with one changed byte names the file.
  const zip = await downloadBytes(page, card.getByRole('button', { name: /\(\.zip\)$/ }).last())
  await page.getByLabel('Bundle zip to verify').setInputFiles({ name: zip.name, mimeType: 'application/zip', buffer: Buffer.from(zip.bytes) })
  await expect(page.getByTestId('verify-result')).toContainText(`files of the ${ref} bundle match the manifest`)
  const tampered = await JSZip.loadAsync(zip.bytes)
  const chronology = await tampered.file('02 Chronology.docx')!.async('uint8array')
  chronology[chronology.length - 20] ^= 0xff
  tampered.file('02 Chronology.docx', chronology)
  await page.getByLabel('Bundle zip to verify').setInputFiles({ name: 'tampered.zip', mimeType: 'application/zip', buffer: Buffer.from(await tampered.generateAsync({ type: 'uint8array' })) })
  await expect(page.getByTestId('verify-result')).toContainText('02 Chronology.docx (changed)')

  // A note needs words; then it is sent.
  await press(card.getByRole('button', { name: 'Send note to officer' }))
  await expect(card.getByText('Note must say what is needed (at least 5 characters)')).toBeVisible()
  await type(card.getByLabel(`Note to the officer about ${ref}`), 'Need further evidence of the first incident: any CCTV stills or a neighbour statement.')
  await press(card.getByRole('button', { name: 'Send note to officer' }))
  await expect(card.getByText(`Note sent to the officer for ${ref}.`)).toBeVisible()
  await expect(card).toContainText('Lee Counsel: Need further evidence of the first incident')

  // The legal team cannot edit the case: no bundle preparation, no formal action, no new report.
  await openTab(page, id, 'Case bundle')
  await expect(page.getByRole('heading', { name: 'Bundles prepared for this case' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Prepare case bundle' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Mark as dealt with' })).toHaveCount(0)
  await openTab(page, id, 'Formal action')
  await expect(page.getByRole('button', { name: 'Consider formal action' })).toHaveCount(0)
  await expect(nav.getByRole('link', { name: 'New report' })).toHaveCount(0)

  // The officer sees the note on Today and on the case, and marks it dealt with.
  await signInAs(page, 'Olu Officer')
  await press(nav.getByRole('link', { name: 'My caseload' }))
  await expect(page.getByRole('region', { name: 'Today' })).toContainText('Note from the legal team (Lee Counsel): Need further evidence of the first incident')
  await openTab(page, id, 'Case bundle')
  await expect(page.getByRole('region', { name: 'Notes from the legal team' })).toContainText('Need further evidence of the first incident')
  await press(page.getByRole('button', { name: 'Mark as dealt with' }))
  await expect(page.getByRole('region', { name: 'Notes from the legal team' })).toContainText('dealt with')
  await expectNoAxeViolations(page, 'case bundle tab with a legal note')
})
