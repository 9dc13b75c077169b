// An export uploaded from the import page: 生意参谋's shop-day file as it comes (GBK, title lines
// above the header, derived columns), previewed without writing, then committed, and the team's
// history records it; the same file again is recognised. Runs before month-end.spec.ts, which
// finalizes last month and then sees a late import of it refused.
import { expect, test } from '@playwright/test';
import { lastMonth, login, offline, previewImport, shopDaysOf } from './helpers';

test('an export goes through preview and commit, and the history records it', async ({ browser }) => {
  const month = await lastMonth();
  const file = shopDaysOf(month);
  const context = await browser.newContext();
  const tried = await offline(context);
  const page = await context.newPage();
  await login(page, 'manager@demo.shopops');
  await previewImport(page, file);
  // Three days, every one already in the demo's history: three to overwrite, none new.
  const dryRun = page.getByTestId('import-dry-run');
  await expect(dryRun).toHaveAttribute('data-rows', '3');
  await expect(dryRun).toHaveAttribute('data-inserted', '0');
  await expect(dryRun).toHaveAttribute('data-updated', '3');
  // The layout as detected: GBK, the header under the report's title lines (line 5).
  await expect(page.getByTestId('import-layout')).toContainText('GB18030');
  await expect(page.getByTestId('import-layout')).toContainText('5');
  await expect(page.getByTestId('import-preview-rows').locator('tbody tr.ant-table-row')).toHaveCount(3);

  await page.getByTestId('import-commit').click();
  const record = page.locator(`[data-testid="import-record"][data-file="${file.name}"]`);
  await expect(record).toHaveCount(1);
  // The same file again: the dry run says when it was imported before.
  await previewImport(page, file);
  await expect(page.getByTestId('import-seen-before')).toBeVisible();
  expect(tried).toEqual([]);
  await context.close();
});
