import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'

/** WCAG 2.1 AA: the accessibility bar every screen must pass. */
export async function expectNoAxeViolations(page: Page, context?: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
  expect(summary, context).toEqual([])
}

/** The passphrase every e2e profile uses unless a test says otherwise. */
export const TEST_PASSPHRASE = 'correct horse battery'

/** First run: creates a profile through the profile screen, as a person would. */
export async function createProfile(page: Page, name: string, role: 'Case officer' | 'Manager' | 'Legal team' = 'Case officer', passphrase = TEST_PASSPHRASE): Promise<void> {
  await page.goto('./#/profile')
  await page.getByLabel('Your name').fill(name)
  await page.getByLabel('Choose a passphrase').fill(passphrase)
  await page.getByLabel('Type the passphrase again').fill(passphrase)
  if (role !== 'Case officer') {
    await page.getByLabel('Your role').click()
    await page.getByRole('option', { name: role }).click()
  }
  await page.getByRole('button', { name: 'Create profile' }).click()
  await expect(page.getByTestId('current-user')).toContainText(name)
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
