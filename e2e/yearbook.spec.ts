import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { pdfText } from '../server/src/testing/pdf-text.ts';

/**
 * Leader journey through the 年度工作总结 of the demo year (2023, the year the demo city's business lines hold):
 * the leader starts the year when it is not there yet, adds a sentence with a figure to a section through the
 * insert menu, saves, and finds that figure with the report's value on screen, in the .docx and in the PDF, then
 * on the key figures of the year with its months and its records.
 */
const YEAR = 2023;
const SENTENCE = '全年窗口受理审批事项';

test('a leader edits a paragraph with a live figure and finds it in the .docx and the PDF', async ({ page }) => {
  // every read of the document builds the statistics report of its year, and the journey reads it five times
  test.setTimeout(180_000);
  await page.goto('/login');
  await page.getByTestId('login-username').fill('leader');
  await page.getByTestId('login-password').fill('Demo@12345');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('app-menu').first()).toBeVisible();

  // from the menu: 考核与统计 → 年度工作总结
  await page.getByTestId('app-menu').first().getByText('年度工作总结').click();
  await expect(page).toHaveURL(/\/yearbook/);
  const empty = page.getByTestId('yearbook-empty');
  const document = page.getByTestId('yearbook-document');
  await expect(empty.or(document)).toBeVisible({ timeout: 20_000 });
  if (await empty.isVisible()) {
    await empty.getByTestId('yearbook-new-year').click();
    await page.getByTestId('yearbook-new-year-input').fill(String(YEAR));
    await page.getByTestId('yearbook-new-year-ok').click();
  } else await page.goto(`/yearbook?year=${YEAR}`);
  await expect(page.getByTestId('yearbook-title')).toContainText(`${YEAR}年工作总结`);

  // the value the statistics report gives for the same year
  const report = (await (await page.request.get(`/api/reports/statistics?period=year&at=${YEAR}`)).json()) as {
    sections: { figures?: { key: string; text: string }[] }[];
  };
  const accepted = report.sections.flatMap((s) => s.figures ?? []).find((f) => f.key === 'approvals.accepted');
  expect(accepted, 'the report declares approvals.accepted').toBeTruthy();
  const value = accepted!.text;

  // edit the first section of 工作总结: a new sentence, then the figure inserted at the cursor
  const part = page.getByTestId('yearbook-part-summary');
  await part.locator('[data-testid^="section-edit-"]').first().click();
  const body = page.getByTestId('section-body');
  const before = await body.inputValue();
  await body.fill(`${before}\n${SENTENCE}`);
  await body.press('Control+End');
  await page.getByTestId('section-insert-figure').click();
  const picker = page.getByRole('dialog');
  await picker.getByPlaceholder('按名称或编码查找').fill('受理审批事项');
  await picker.getByTestId('figure-option-approvals.accepted').click();
  await expect(body).toHaveValue(`${before}\n${SENTENCE}{{approvals.accepted|${YEAR}}}`);
  await body.press('Control+End');
  await body.pressSequentially('件。');
  await page.getByTestId('section-save').click();
  await expect(body).toBeHidden();

  // on screen: the sentence with the figure in place, bound to its key and year, and listed in the panel
  const sentence = `${SENTENCE}${value}件。`;
  await expect(part).toContainText(sentence);
  await expect(part.locator(`[data-figure="approvals.accepted|${YEAR}"]`).first()).toHaveText(value);
  const listed = page.getByTestId(`panel-figure-approvals.accepted-${YEAR}`);
  await expect(listed.getByTestId('panel-figure-value')).toHaveText(value);
  await expect(listed.getByTestId('panel-figure-drill')).toHaveAttribute('href', /^\/approvals/);

  // the 公文 as .docx: its text carries the sentence with the figure
  const [docx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('yearbook-docx').click()]);
  expect(docx.suggestedFilename()).toMatch(/\.docx$/);
  const zip = await JSZip.loadAsync(readFileSync(await docx.path()));
  const xml = await zip.file('word/document.xml')!.async('string');
  expect(xml.replace(/<[^>]+>/g, '')).toContain(sentence);

  // and as PDF
  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('yearbook-pdf').click()]);
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
  const bytes = readFileSync(await pdf.path());
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  expect(pdfText(bytes).replace(/\s+/g, '')).toContain(sentence);

  // 年度关键指标 from the menu: the same figure of the same year, with its months and its records
  await page.getByTestId('app-menu').first().getByText('年度关键指标').click();
  await expect(page).toHaveURL(/\/key-figures/);
  await page.goto(`/key-figures?year=${YEAR}`);
  const tile = page.getByTestId('key-figure-approvals.accepted');
  await expect(tile.getByTestId('key-figure-value')).toHaveText(value, { timeout: 30_000 });
  await expect(tile.getByTestId('key-figure-trend')).toHaveAttribute('data-points', '12');
  await tile.getByTestId('key-figure-drill').click();
  await expect(page).toHaveURL(/\/approvals\?period=custom&from=2023-01-01&to=2023-12-31/);
});
