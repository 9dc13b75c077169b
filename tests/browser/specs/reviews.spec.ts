// Month end, the reviews: the manager opens last month's reviews, checks one person's total by
// hand from the lines on the page, adjusts a grade with a reason, and the audit trail says so; a
// staff member sees their own review and no one else's.
import { expect, test } from '@playwright/test';
import { apiLogin, login, offline, origin, screenshot } from './helpers';

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
