// Month end: the reviews, then the bonus run. The manager opens last month's reviews, checks one
// person's total by hand from the lines on the page, adjusts a grade with a reason; computes the
// bonus run, adjusts it, finalizes (with the early override before the figures settle) and
// downloads a payroll CSV whose totals are the page's. A staff member sees their own review, and
// their own payout only once the month is finalized. The reviews come first: finalizing locks them.
import { expect, test } from '@playwright/test';
import { apiLogin, lastMonth, login, offline, origin, previewImport, screenshot, shopDaysOf } from './helpers';

interface ReviewRow {
  id: string;
  staff: { id: string; name: string } | null;
  total: string | null;
  grade: string | null;
}

/** §7: S ≥ 100, A ≥ 90, B ≥ 80, C ≥ 70, else D. */
function gradeOf(total: number): string {
  return total >= 100 ? 'S' : total >= 90 ? 'A' : total >= 80 ? 'B' : total >= 70 ? 'C' : 'D';
}

test("the manager checks a review line by line and adjusts its grade with a reason", async ({ browser }) => {
  const manager = await apiLogin('manager@demo.shopops');
  const context = await browser.newContext();
  const tried = await offline(context);
  const page = await context.newPage();
  await login(page, 'manager@demo.shopops');
  await page.goto(`${origin()}/reviews`);
  const month = await page.getByTestId('reviews').getAttribute('data-month');
  const { reviews } = await manager.query<{ reviews: ReviewRow[] }>(
    'query($teamId: ID!, $month: Month!) { reviews(teamId: $teamId, month: $month) { id staff { id name } total grade } }',
    { teamId: manager.teamId, month },
  );
  // Everyone of the team, each with the API's total and grade.
  await expect(page.getByTestId('review-row')).toHaveCount(reviews.length);
  for (const r of reviews) {
    const row = page.locator(`[data-testid="review-row"][data-staff="${r.staff!.id}"]`);
    await expect(row.getByTestId('review-total')).toHaveText(r.total ?? '—');
  }
  await expect(page.getByTestId('grade-chart').locator('canvas')).toBeVisible();
  // Each person's total beside last month's: the chart is drawn from the API's totals of both months.
  const [y, m] = month!.split('-').map(Number);
  const previousMonth = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  const { reviews: previous } = await manager.query<{ reviews: ReviewRow[] }>(
    'query($teamId: ID!, $month: Month!) { reviews(teamId: $teamId, month: $month) { id staff { id name } total grade } }',
    { teamId: manager.teamId, month: previousMonth },
  );
  const was = new Map(previous.map((r) => [r.staff?.id, r.total]));
  const drawn = JSON.parse((await page.getByTestId('score-comparison').getAttribute('data-scores'))!);
  expect(drawn).toEqual(reviews.map((r) => ({ staff: r.staff!.id, total: r.total, previous: was.get(r.staff!.id) ?? null })));
  expect(drawn.some((d: { previous: string | null }) => d.previous !== null)).toBe(true);
  await expect(page.getByTestId('score-chart').locator('canvas')).toBeVisible();
  await page.screenshot({ path: screenshot('reviews'), fullPage: true });

  // 阿杰's review, by hand: Σ(weight × score) / Σ weight over the scored lines on the page.
  const ajie = reviews.find((r) => r.staff?.name.startsWith('阿杰'))!;
  await page.locator(`[data-testid="review-row"][data-staff="${ajie.staff!.id}"]`).click();
  const detail = page.getByTestId('review-detail');
  await expect(detail).toBeVisible();
  const lines = await detail
    .getByTestId('review-line')
    .evaluateAll((rows) => rows.map((r) => ({ score: r.getAttribute('data-score'), weight: r.getAttribute('data-weight') })));
  const scored = lines.filter((l) => l.score !== '');
  expect(scored.length).toBeGreaterThan(0);
  const weights = scored.reduce((s, l) => s + Number(l.weight), 0);
  const total = scored.reduce((s, l) => s + Number(l.weight) * Number(l.score), 0) / weights;
  // The page shows the total to two places; the grade follows the exact value.
  await expect(detail.getByTestId('detail-total')).toHaveText(total.toFixed(2));
  await expect(detail).toHaveAttribute('data-grade', gradeOf(total));
  await page.screenshot({ path: screenshot('review-lines'), fullPage: true, animations: 'disabled' });

  // Up one grade, with the reason a manager must give.
  const up = { D: 'C', C: 'B', B: 'A', A: 'S', S: 'S' }[gradeOf(total)]!;
  await detail.getByTestId('adjust-grade').click();
  await page.locator('.ant-select-dropdown:visible').getByTitle(up, { exact: true }).click();
  await expect(detail.getByTestId('adjust-submit')).toBeDisabled();
  await detail.getByTestId('adjust-reason').fill('双十一期间临时支援售后，接待量未计入');
  await detail.getByTestId('adjust-submit').click();
  await expect(detail).toHaveAttribute('data-grade', up);
  await expect(page.locator(`[data-testid="review-row"][data-staff="${ajie.staff!.id}"]`)).toHaveAttribute('data-grade', up);
  await expect(detail.locator('[data-testid="review-audit-entry"][data-field="grade"]')).toContainText(up);
  expect(tried).toEqual([]);
  await context.close();
});

test('a staff member sees their own review only', async ({ browser }) => {
  const ajie = await apiLogin('cs2@demo.shopops');
  const context = await browser.newContext();
  await offline(context);
  const page = await context.newPage();
  await login(page, 'cs2@demo.shopops');
  await page.goto(`${origin()}/reviews`);
  await expect(page.getByTestId('review-row')).toHaveCount(1);
  await expect(page.getByTestId('review-row')).toHaveAttribute('data-staff', ajie.id);
  await page.getByTestId('review-row').click();
  await expect(page.getByTestId('review-line').first()).toBeVisible();
  // Adjusting is the manager's.
  await expect(page.getByTestId('adjust-submit')).toHaveCount(0);
  await context.close();
});

/** A money string of the API ("1234.56", "-0.10") in fen, exactly. */
function fen(amount: string): number {
  const [yuan, frac = ''] = amount.replace('-', '').split('.');
  const value = Number(yuan) * 100 + Number((frac + '00').slice(0, 2));
  return amount.startsWith('-') ? -value : value;
}

test('the manager computes the bonus run, adjusts it, finalizes and downloads a payroll that adds up', async ({ browser }) => {
  const manager = await apiLogin('manager@demo.shopops');
  const ajie = await apiLogin('cs2@demo.shopops');
  const context = await browser.newContext({ acceptDownloads: true });
  const tried = await offline(context);
  const page = await context.newPage();
  await login(page, 'manager@demo.shopops');
  await page.goto(`${origin()}/bonus`);
  const month = await page.getByTestId('bonus').getAttribute('data-month');

  // Before the month is finalized 阿杰 is refused his own bonus, by the API.
  const staffContext = await browser.newContext();
  await offline(staffContext);
  const staffPage = await staffContext.newPage();
  await login(staffPage, 'cs2@demo.shopops');
  await staffPage.goto(`${origin()}/bonus`);
  await expect(staffPage.getByTestId('bonus-refused')).toBeVisible();

  await page.getByTestId('compute-run').click();
  await expect(page.getByTestId('run-status')).toHaveText('草稿');
  const payouts = page.getByTestId('payout-row');
  await expect(payouts).not.toHaveCount(0);
  const rows = async () =>
    payouts.evaluateAll((rs) => rs.map((r) => ({ staff: r.getAttribute('data-staff')!, total: r.getAttribute('data-total')! })));
  const before = await rows();
  // The run's total is the sum of the payouts, to the fen.
  const runTotal = async () => (await page.getByTestId('run-total').getAttribute('data-value'))!;
  expect(fen(await runTotal())).toBe(before.reduce((s, r) => s + fen(r.total), 0));

  // 阿杰's payout line by line: the amounts add up to his total (no adjustment yet).
  const his = page.locator(`[data-testid="payout-row"][data-staff="${ajie.id}"]`);
  await his.locator('.ant-table-row-expand-icon').click();
  const lines = page.getByTestId('payout-line');
  await expect(lines.first()).toBeVisible();
  const amounts = await lines.evaluateAll((ls) => ls.map((l) => l.getAttribute('data-amount')!));
  const hisBefore = before.find((r) => r.staff === ajie.id)!.total;
  expect(amounts.reduce((s, a) => s + fen(a), 0)).toBe(fen(hisBefore));
  await page.screenshot({ path: screenshot('payout-lines'), fullPage: true });

  // A manual adjustment of ¥100.00 with its reason, counted from the recomputation.
  await page.getByTestId('adjustment-staff').click();
  await page.locator('.ant-select-dropdown:visible').getByTitle('阿杰 Ajie').click();
  await page.getByTestId('adjustment-amount').fill('100.00');
  await page.getByTestId('adjustment-reason').fill('双十一加班');
  await page.getByTestId('adjustment-add').click();
  await expect(page.getByTestId('adjustment-row')).toHaveCount(1);
  await page.getByTestId('compute-run').click();
  await expect(his).toHaveAttribute('data-total', ((fen(hisBefore) + 10_000) / 100).toFixed(2));
  const after = await rows();
  expect(fen(await runTotal())).toBe(after.reduce((s, r) => s + fen(r.total), 0));

  // The payroll CSV from the page: its total column adds up to the page's total, row by row.
  const download = page.waitForEvent('download');
  await page.getByTestId('payroll-download').click();
  const csv = await (await (await download).createReadStream()).toArray();
  const [head, ...body] = Buffer.concat(csv).toString('utf8').trim().split('\n');
  const columns = head.split(',');
  const totalAt = columns.indexOf('total');
  const idAt = columns.indexOf('staff_id');
  const csvTotals = new Map(body.map((line) => line.split(',')).map((c) => [c[idAt], c[totalAt]]));
  for (const r of after) expect(csvTotals.get(r.staff), r.staff).toBe(r.total);
  expect([...csvTotals.values()].reduce((s, v) => s + fen(v), 0)).toBe(fen(await runTotal()));

  // Finalize: before the figures settle (the 4th day after the month) the page spells out the override.
  const { monthClose } = await manager.query<{ monthClose: { settlesOn: string } }>(
    'query($teamId: ID!, $month: Month!) { monthClose(teamId: $teamId, month: $month) { settlesOn } }',
    { teamId: manager.teamId, month },
  );
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  await page.getByTestId('finalize').click();
  if (today < monthClose.settlesOn) {
    await expect(page.getByTestId('early-text')).toContainText('第 4 天');
    await expect(page.getByTestId('finalize-early')).toBeDisabled();
    await page.getByTestId('early-understood').check();
    await page.getByTestId('finalize-early').click();
  }
  await expect(page.getByTestId('run-status')).toHaveText('已结算');
  await expect(page.getByTestId('compute-run')).toHaveCount(0);
  await expect(page.getByTestId('adjustment-form')).toHaveCount(0);

  // Now 阿杰 sees his own payout, and only his.
  await staffPage.reload();
  await expect(staffPage.getByTestId('payout-row')).toHaveCount(1);
  await expect(staffPage.getByTestId('payout-row')).toHaveAttribute('data-staff', ajie.id);
  await expect(staffPage.getByTestId('payout-row')).toHaveAttribute('data-total', ((fen(hisBefore) + 10_000) / 100).toFixed(2));
  expect(tried).toEqual([]);
  await staffContext.close();
  await context.close();
});

test('a late import into the finalized month is refused on the import page', async ({ browser }) => {
  const month = await lastMonth();
  const context = await browser.newContext();
  await offline(context);
  const page = await context.newPage();
  await login(page, 'manager@demo.shopops');
  // The same export as imports.spec.ts took before the month was finalized.
  await previewImport(page, shopDaysOf(month));
  await expect(page.getByTestId('import-refused')).toContainText(month);
  await expect(page.getByTestId('import-dry-run')).toHaveCount(0);
  await expect(page.getByTestId('import-commit')).toBeDisabled();
  await context.close();
});
