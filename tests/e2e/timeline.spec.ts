import { expect, test } from '@playwright/test'
import { expectNoAxeViolations, TEST_PASSPHRASE } from './helpers'

// The case page's timeline is virtualised (only the entries in view are in the page) so a case
// with hundreds of incidents opens quickly. This checks it still behaves as one list to a person:
// the count, the filters, keyboard scrolling to the oldest entry, and WCAG 2.1 AA.
// The long case is made with the benchmark's hook (`?bench`): the same audited stores, 60 incidents.
interface BenchHook {
  loadDemo(cases: number): Promise<number>
  makeBigCase(incidents: number): Promise<string>
  openCaseRendered(caseId: string, expected: number): Promise<{ entries: number; inPage: number }>
}
test('a long timeline shows every entry by scrolling, filters by kind and keeps its count', async ({ page }) => {
  await page.goto('./?bench#/profile')
  await page.getByLabel('Your name').fill('Jo Smith')
  await page.getByLabel('Choose a passphrase').fill(TEST_PASSPHRASE)
  await page.getByLabel('Type the passphrase again').fill(TEST_PASSPHRASE)
  await page.getByRole('button', { name: 'Create profile' }).click()
  await expect(page.getByTestId('current-user')).toContainText('Jo Smith')
  await page.waitForFunction(() => (window as unknown as { __asbBench?: BenchHook }).__asbBench !== undefined)
  await page.evaluate(() => (window as unknown as { __asbBench: BenchHook }).__asbBench.loadDemo(5))
  const caseId = await page.evaluate(() => (window as unknown as { __asbBench: BenchHook }).__asbBench.makeBigCase(60))
  const opened = await page.evaluate((id) => (window as unknown as { __asbBench: BenchHook }).__asbBench.openCaseRendered(id, 60), caseId)
  expect(opened.entries).toBeGreaterThanOrEqual(61)

  const total = opened.entries
  const status = page.getByRole('status').filter({ hasText: /entries$/ })
  await expect(status).toHaveText(`${total} of ${total} entries`)
  const region = page.getByRole('region', { name: `Timeline: ${total} entries, newest first` })
  const items = region.getByRole('listitem')
  // Only a screenful (plus a margin) is in the page, yet each item knows its place in the whole list.
  expect(await items.count()).toBeLessThan(total)
  await expect(items.first()).toHaveAttribute('aria-posinset', '1')
  await expect(items.first()).toHaveAttribute('aria-setsize', String(total))
  await expectNoAxeViolations(page, 'long timeline')

  // Keyboard only: focus the scroll region and press End to reach the oldest entry, Home for the newest.
  await region.focus()
  await page.keyboard.press('End')
  await expect(region.locator(`li[aria-posinset="${total}"]`)).toBeInViewport()
  await expect(region.locator('li[aria-posinset="1"]')).toHaveCount(0)
  await page.keyboard.press('Home')
  await expect(region.locator('li[aria-posinset="1"]')).toBeInViewport()

  // Filters: hiding incidents leaves the other kinds, and the count says so.
  const incidents = page.getByRole('checkbox', { name: 'Incidents' })
  await incidents.focus()
  await page.keyboard.press('Space')
  await expect(incidents).not.toBeChecked()
  // At least the 60 added incidents are hidden (the demo case has a few of its own); the rest remain.
  await expect(status).not.toHaveText(`${total} of ${total} entries`)
  const remaining = Number((await status.textContent())!.split(' of ')[0])
  expect(remaining).toBeGreaterThanOrEqual(1)
  expect(remaining).toBeLessThanOrEqual(total - 60)
  const fewer = page.getByRole('region', { name: `Timeline: ${remaining} entries, newest first` }).getByRole('listitem')
  await expect(fewer).toHaveCount(remaining)
  await expect(page.locator('ol.timeline > li[data-kind="incident"]')).toHaveCount(0)
  await incidents.focus()
  await page.keyboard.press('Space')
  await expect(status).toHaveText(`${total} of ${total} entries`)
  await expect(page.locator('ol.timeline > li[data-kind="incident"]').first()).toBeVisible()
})
