import { expect, type Page } from '@playwright/test';

/**
 * Picks the option showing `text` in the Select with this test id (typing `search` first, for a searching one).
 * Found through the combobox's ARIA wiring, not antd's class names: its listbox `<id>_list` sits in the select's
 * own popup next to the visible options, so an option of another (or a closing) dropdown is never clicked.
 */
export async function pickOption(page: Page, testId: string, text: string | RegExp, search?: string) {
  const select = page.getByTestId(testId);
  const box = select.getByRole('combobox');
  await select.click();
  await expect(box).toHaveAttribute('aria-expanded', 'true');
  if (search) await page.keyboard.type(search);
  const id = await box.getAttribute('id');
  const popup = page.locator(`[id="${id}_list"]`).locator('..');
  const option = popup.getByTitle(text).first();
  // On a loaded machine a click that lands while the list is still sliding in can be dropped, as a person would see
  // and click again: click while the list stays open, until it closes on the choice.
  await expect(async () => {
    if ((await box.getAttribute('aria-expanded')) === 'true') await option.click({ timeout: 5_000 });
    await expect(box).toHaveAttribute('aria-expanded', 'false', { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
}
