import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'

/** WCAG 2.1 AA: the accessibility bar every screen must pass. */
export async function expectNoAxeViolations(page: Page, context?: string): Promise<void> {
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
