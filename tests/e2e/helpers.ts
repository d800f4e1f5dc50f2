import AxeBuilder from '@axe-core/playwright'
import { expect, type Locator, type Page } from '@playwright/test'
import { format } from 'date-fns'

/** WCAG 2.1 AA: the accessibility bar every screen must pass. */
export async function expectNoAxeViolations(page: Page, context?: string): Promise<void> {
  // Judge the screen as a person sees it once it has settled: mid-transition (a dialog or a field
  // message fading in) colours are part-transparent and would be measured wrongly.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, { timeout: 5_000 }).catch(() => undefined)
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
  expect(summary, context).toEqual([])
}

/**
 * Opens a Vuetify select by its label. Vuetify 4 lays the selection text over the input, which
 * takes the pointer, so a person's click lands on the field around it — click that.
 */
export async function openSelect(page: Page, label: string): Promise<void> {
  await page.locator('.v-field', { has: page.getByLabel(label, { exact: true }) }).click()
}

/** The passphrase every e2e profile uses unless a test says otherwise. */
export const TEST_PASSPHRASE = 'correct horse battery'

/** The first profile made in each page: the computer's administrator, who gives later profiles their roles. */
const administrators = new WeakMap<Page, { name: string; passphrase: string }>()

/**
 * Creates a profile through the profile screen, as a person would, and leaves it signed in.
 * Only the first profile chooses its own role; a later one starts as a case officer, so for a
 * Manager or Legal team profile this signs in as the first profile (the administrator), gives the
 * role in Settings → Profiles and roles, and signs back in as the new profile (issue 10).
 */
export async function createProfile(page: Page, name: string, role: 'Case officer' | 'Manager' | 'Legal team' | 'Administrator' = 'Case officer', passphrase = TEST_PASSPHRASE): Promise<void> {
  await page.goto('./#/profile')
  await page.getByLabel('Your name').fill(name)
  await page.getByLabel('Choose a passphrase').fill(passphrase)
  await page.getByLabel('Type the passphrase again').fill(passphrase)
  const admin = administrators.get(page)
  // Once this page has made a profile, no later one is the first (the list may still be loading).
  const firstProfile = admin ? false : await page.getByLabel('Your role').isVisible()
  if (!admin && !firstProfile && role !== 'Case officer') {
    throw new Error(`createProfile(${name}, ${role}): profiles already exist but none was made by createProfile on this page, so no administrator is known to give the role`)
  }
  if (firstProfile && role !== 'Case officer') {
    await openSelect(page, 'Your role')
    await page.getByRole('option', { name: role }).click()
  }
  await page.getByRole('button', { name: 'Create profile' }).click()
  await expect(page.getByTestId('current-user')).toContainText(name)
  if (firstProfile || !admin) {
    if (firstProfile) administrators.set(page, { name, passphrase })
    return
  }
  if (role === 'Case officer') return
  await signInAs(page, admin.name, admin.passphrase)
  await assignRole(page, name, role)
  await signInAs(page, name, passphrase)
}

/** As the signed-in administrator: Settings → Profiles and roles → give `name` the role. */
export async function assignRole(page: Page, name: string, role: 'Case officer' | 'Manager' | 'Legal team' | 'Administrator'): Promise<void> {
  await page.getByRole('link', { name: 'Settings' }).click()
  await openSelect(page, `Role for ${name}`)
  await page.getByRole('option', { name: role, exact: true }).click()
  await expect(page.getByText(`${name}'s role is now ${role}.`)).toBeVisible()
}

/** Fills the caseload with `count` demo cases from Settings. */
export async function loadDemoCaseload(page: Page, count = 50): Promise<void> {
  await page.getByRole('link', { name: 'Settings' }).click()
  await page.getByLabel('Number of demo cases').fill(String(count))
  await page.getByRole('button', { name: 'Load demo caseload' }).click()
  await expect(page.getByText(`Loaded ${count} demo cases.`)).toBeVisible({ timeout: 30_000 })
}

/** Switches to an existing profile from the shell, typing its passphrase. */
export async function signInAs(page: Page, name: string, passphrase = TEST_PASSPHRASE): Promise<void> {
  if (await page.getByRole('button', { name: 'Switch user' }).isVisible()) await page.getByRole('button', { name: 'Switch user' }).click()
  await page.getByRole('button', { name: new RegExp(`^${name}`) }).click()
  await page.getByLabel(`Passphrase for ${name}`).fill(passphrase)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByTestId('current-user')).toContainText(name)
}

// Keyboard only: focus a control and use the keys a person would.

/** Focuses `target` and presses `key` (Enter by default; Space for checkboxes and radios). */
export async function press(target: Locator, key = 'Enter'): Promise<void> {
  await target.focus()
  await target.page().keyboard.press(key)
}

/** Focuses `target` and types `text` into it from the keyboard. */
export async function typeInto(target: Locator, text: string): Promise<void> {
  await target.focus()
  await target.page().keyboard.insertText(text)
}

/** Picks `option` in the radio group named `group` with the Space key. */
export async function chooseRadio(page: Page, group: string | RegExp, option: string): Promise<void> {
  await press(page.getByRole('radiogroup', { name: group }).getByRole('radio', { name: option, exact: true }), 'Space')
}

/**
 * Types a date-time into a datetime-local field segment by segment from the keyboard. Debian's
 * Chromium lays the field out in its UI locale (en-US here, whatever the page's language):
 * mm dd yyyy, Tab to the time, hh mm, then A or P.
 */
export async function typeDateTime(target: Locator, when: Date): Promise<void> {
  const keyboard = target.page().keyboard
  await target.focus()
  await keyboard.type(format(when, 'MMddyyyy'))
  await keyboard.press('Tab')
  await keyboard.type(format(when, 'hhmm'))
  await keyboard.type(when.getHours() < 12 ? 'A' : 'P')
  await expect(target).toHaveValue(format(when, "yyyy-MM-dd'T'HH:mm"))
}

/** A person as the New report form takes them: name and home address. */
export interface ReportParty { firstName: string; surname: string; flat?: string; line1: string; town?: string; postcode: string }

/** What an officer types into the New report form. */
export interface ReportToLog {
  category: string
  channel?: string
  reporter?: ReportParty
  /** Ticks "Wants their identity kept from the alleged perpetrator". */
  identityConfidential?: boolean
  perpetrator?: ReportParty
  /** 1–5, the same score for each of the five risk factors. */
  risk?: number
  occurredAt: Date
  location?: string
  description?: string
}

async function fillParty(page: Page, who: string, party: ReportParty): Promise<void> {
  await typeInto(page.getByLabel(`${who} first name`, { exact: true }), party.firstName)
  await typeInto(page.getByLabel(`${who} surname`, { exact: true }), party.surname)
  if (party.flat) await typeInto(page.getByLabel(`${who} flat or unit`, { exact: true }), party.flat)
  await typeInto(page.getByLabel(`${who} address line 1`, { exact: true }), party.line1)
  if (party.town) await typeInto(page.getByLabel(`${who} town`, { exact: true }), party.town)
  await typeInto(page.getByLabel(`${who} postcode`, { exact: true }), party.postcode)
}

/** On the New report form: fills in the report by keyboard, without saving it. */
export async function fillReport(page: Page, report: ReportToLog): Promise<void> {
  await page.getByLabel('How the report came in').focus()
  await page.keyboard.type(report.channel ?? 'telephone')
  await page.keyboard.press('Enter')
  await page.getByLabel('Report category').focus()
  await page.keyboard.type(report.category)
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('triage-route')).toBeVisible()
  if (report.reporter) await fillParty(page, 'Reporter', report.reporter)
  if (report.identityConfidential) await press(page.getByRole('checkbox', { name: 'Wants their identity kept from the alleged perpetrator' }), 'Space')
  if (report.perpetrator) {
    await press(page.getByRole('button', { name: 'Add an alleged perpetrator' }))
    await fillParty(page, 'Alleged perpetrator 1', report.perpetrator)
  }
  for (const group of ['Harm caused or threatened', 'How often it happens', 'Vulnerability of the victim', 'Impact on the victim and community', 'Risk of escalation']) {
    await chooseRadio(page, group, String(report.risk ?? 2))
  }
  await typeDateTime(page.getByLabel('When it happened'), report.occurredAt)
  await typeInto(page.getByLabel('Where it happened'), report.location ?? 'Shared landing')
  await typeInto(page.getByLabel('What happened'), report.description ?? 'Shouting and loud music late at night.')
}

/** Opens New report, fills it in and saves it by keyboard; returns the new case's id from its address. */
export async function logReport(page: Page, report: ReportToLog): Promise<string> {
  await press(page.getByRole('link', { name: 'New report' }))
  await expect(page.getByRole('heading', { name: 'New report', level: 1 })).toBeVisible()
  await fillReport(page, report)
  await press(page.getByRole('button', { name: 'Save report' }))
  await expect(page.getByRole('heading', { level: 1, name: /^ASB-\d{4}-\d{5}$/ })).toBeVisible()
  return /#\/cases\/([^/?]+)/.exec(page.url())![1]
}

/** Opens a case at its own address and moves to one of its tabs with the keyboard. */
export async function openCaseTab(page: Page, caseId: string, tab: string): Promise<void> {
  await page.goto(`./#/cases/${caseId}`)
  await press(page.getByRole('tab', { name: tab }))
  await expect(page.getByRole('heading', { name: tab, level: 2 })).toBeVisible()
}

/** A row of an IndexedDB store as the app wrote it. */
export type StoredRow = Record<string, unknown>

/**
 * Test setup, not a user step: every row of the named stores, read straight from the app's
 * IndexedDB database so a test can pick a demo case that suits it.
 */
export async function readStores<Store extends string>(page: Page, stores: readonly Store[]): Promise<Record<Store, StoredRow[]>> {
  const rows = await page.evaluate(async (names) => {
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('asb-workstation')
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    const all = (store: string) => new Promise<Record<string, unknown>[]>((resolve, reject) => {
      const request = database.transaction(store).objectStore(store).getAll()
      request.onsuccess = () => resolve(request.result as Record<string, unknown>[])
      request.onerror = () => reject(request.error)
    })
    const byStore: Record<string, Record<string, unknown>[]> = {}
    for (const name of names) byStore[name] = await all(name)
    database.close()
    return byStore
  }, [...stores])
  return rows as Record<Store, StoredRow[]>
}

/** Test setup, not a user step: an open demo case with incidents and an alleged perpetrator. */
export async function findCaseWithPerpetrator(page: Page): Promise<{ id: string; ref: string; perpetrator: string }> {
  const { cases, caseParties, people, incidents } = await readStores(page, ['cases', 'caseParties', 'people', 'incidents'])
  const perpetratorOf = (caseId: unknown) => caseParties.find((p) => p.caseId === caseId && p.role === 'alleged perpetrator')
  const candidate = cases.find((c) => c.status === 'open' && perpetratorOf(c.id) && incidents.some((i) => i.caseId === c.id))
  expect(candidate, 'the demo caseload has an open case with an alleged perpetrator').toBeTruthy()
  const person = people.find((p) => p.id === perpetratorOf(candidate!.id)!.personId)!
  return { id: String(candidate!.id), ref: String(candidate!.ref), perpetrator: `${String(person.firstName)} ${String(person.surname)}`.trim() }
}

/**
 * The formal-action gate as the officer completes it on the case's Formal action tab, keyboard
 * only: starts a notice seeking possession against `perpetrator` (assured tenancy), saves Ground
 * 14(a) with particulars drafted from the first incident, the 13-point proportionality assessment
 * and the Equality Impact Assessment, and submits the pack for a manager's approval.
 * [issue 6; LEGAL-NOTES §4]
 */
export async function completeFormalActionGate(page: Page, perpetrator: string): Promise<void> {
  await press(page.getByRole('button', { name: 'Consider formal action' }))
  await chooseRadio(page, 'Action', 'Notice seeking possession')
  await press(page.getByRole('checkbox', { name: new RegExp(`^${perpetrator} \\(alleged perpetrator`) }), 'Space')
  await page.getByLabel('Tenure for this action').selectOption('assured')
  await press(page.getByRole('button', { name: 'Start', exact: true }))
  await expect(page.getByTestId('action-status')).toHaveText('draft')
  await expect(page.getByText('Check with your legal team before serving.').first()).toBeVisible()

  // 1. Grounds and particulars.
  await page.getByLabel('A date a rent period starts on').fill('2026-01-05')
  await press(page.getByRole('checkbox', { name: /^Ground 14 —/ }), 'Space')
  await press(page.getByRole('checkbox', { name: '(a) nuisance or annoyance to people in the locality' }), 'Space')
  await press(page.getByRole('group', { name: 'Incidents relied on' }).getByRole('checkbox').first(), 'Space')
  await press(page.getByRole('button', { name: 'Draft particulars from the chosen incidents' }))
  await expect(page.getByLabel('Particulars (why each ground applies, with dates)')).toHaveValue(/^On \d{1,2} \w+ \d{4}/)
  await press(page.getByRole('button', { name: 'Save grounds and particulars' }))
  await expect(page.getByText('Details saved.')).toBeVisible()

  // 2. Proportionality: all 13 points with reasons; point 14 is the approval itself.
  for (let n = 1; n <= 13; n++) {
    await chooseRadio(page, new RegExp(`^Point ${n}:`), 'Yes')
    const reasons = page.getByLabel(`Reasons for point ${n}`, { exact: true })
    if (!(await reasons.inputValue())) await typeInto(reasons, `Considered on the evidence on file (point ${n}).`)
  }
  await press(page.getByRole('group', { name: 'Incidents that prove the ground' }).getByRole('checkbox').first(), 'Space')
  await typeInto(page.getByLabel('Proportionality statement'), 'Warnings have not stopped the nuisance; possession is now a proportionate way to protect neighbours.')
  await press(page.getByRole('button', { name: 'Save proportionality assessment' }))
  await expect(page.getByText('Proportionality assessment saved and complete.')).toBeVisible()

  // 3. Equality Impact Assessment.
  for (const c of ['Age', 'Disability', 'Gender reassignment', 'Marriage and civil partnership', 'Pregnancy and maternity', 'Race', 'Religion or belief', 'Sex', 'Sexual orientation']) {
    await chooseRadio(page, new RegExp(`^${c}$`), 'Not known')
    await typeInto(page.getByLabel(`Potential impact — ${c.toLowerCase()}`, { exact: true }), 'None identified')
  }
  await chooseRadio(page, 'Does the conduct arise from a disability? (s15)', 'No')
  await typeInto(page.getByLabel('Reasonable adjustments made (s20)'), 'Offered large print and a support worker at meetings.')
  await chooseRadio(page, 'Do children live in the home?', 'No')
  await chooseRadio(page, 'Is there a risk of homelessness?', 'No')
  await chooseRadio(page, 'Has the local authority been informed?', 'No')
  await chooseRadio(page, /^Are there safeguarding concerns/, 'No')
  await chooseRadio(page, 'Does the person understand the proceedings?', 'Yes')
  await chooseRadio(page, 'Is a litigation friend needed?', 'No')
  await chooseRadio(page, 'Is the person under 18?', 'No')
  await typeInto(page.getByLabel('EIA conclusion'), 'No disproportionate impact on any protected group was found.')
  await press(page.getByRole('button', { name: 'Save Equality Impact Assessment' }))
  await expect(page.getByText('Equality Impact Assessment saved and complete.')).toBeVisible()
  await expect(page.getByTestId('gate-problems')).toHaveText('No manager other than the author has approved this action (four-eyes quality check).')

  // 4. Submit the whole pack.
  await press(page.getByRole('button', { name: 'Submit for approval' }))
  await expect(page.getByText('Sent to a manager for the quality check.')).toBeVisible()
  await expect(page.getByTestId('action-status')).toHaveText('awaiting approval')
}

/** As the signed-in manager, on an action's review: approve it with reasons and their passphrase. */
export async function approveAsManager(page: Page, manager: string, reasons: string, passphrase = TEST_PASSPHRASE): Promise<void> {
  await chooseRadio(page, 'Your decision', 'Approve')
  await typeInto(page.getByLabel('Reasons for your decision'), reasons)
  await typeInto(page.getByLabel(`Passphrase for ${manager}`), passphrase)
  await press(page.getByRole('button', { name: 'Record decision' }))
}
