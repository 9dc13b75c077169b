// 设置's rule tabs, played by the manager: next month's targets in the grid (a rate typed in
// percent is stored as the API's fraction), a diagnosis threshold changed and reset, a KPI
// scorecard refused at the form (a weight of 0), refused by the API (a code another role uses) and
// saved, a bonus plan edited and reset. Each is checked against the API's own answer, and what
// a test changes is put back (later specs read this team's scorecards and plans). A staff member
// gets no settings at all.
import { expect, test, type Page } from '@playwright/test';
import { apiLogin, login, offline, origin, screenshot, type ApiSession } from './helpers';

interface Target {
  metric: string;
  staffId: string | null;
  period: string;
  value: string;
}

/** The team's next month (YYYY-MM): no demo figure reads it. */
async function nextMonth(manager: ApiSession): Promise<string> {
  const { me } = await manager.query<{ me: { team: { timeZone: string } } }>('{ me { team { timeZone } } }');
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: me.team.timeZone }).format(new Date());
  const [y, m] = today.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** A fraction of the API as the page shows it in percent, without a float's tail: 0.035 → "3.5". */
function percent(fraction: string): string {
  const [int, frac = ''] = fraction.split('.');
  const digits = `${int}${frac.padEnd(2, '0')}`;
  const point = int.length + 2;
  const shown = `${digits.slice(0, point)}.${digits.slice(point)}`.replace(/\.?0*$/, '');
  return shown.replace(/^0+(?=\d)/, '');
}

async function targetsOf(manager: ApiSession, month: string): Promise<Target[]> {
  const { targets } = await manager.query<{ targets: Target[] }>(
    'query($teamId: ID!, $month: Month!) { targets(teamId: $teamId, month: $month) { metric staffId period value } }',
    { teamId: manager.teamId, month },
  );
  return targets;
}

/** The mutations the page sent, by operation name. */
function sentMutations(page: Page): string[] {
  const sent: string[] = [];
  page.on('request', (r) => {
    const body = r.method() === 'POST' ? (r.postData() ?? '') : '';
    for (const m of body.matchAll(/mutation (\w+)/g)) sent.push(m[1]);
  });
  return sent;
}

/** The API's field errors (BAD_USER_INPUT) of a mutation, as any client gets them. */
async function apiFieldErrors(token: string, query: string, variables: Record<string, unknown>) {
  const response = await fetch(`${origin()}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { errors?: { extensions?: { code?: string; errors?: { field: string; message: string; row?: number }[] } }[] };
  return body.errors?.[0]?.extensions ?? {};
}

test('a staff member has no settings: no menu entry, and /settings says it is for managers', async ({ browser }) => {
  const context = await browser.newContext();
  const tried = await offline(context);
  const page = await context.newPage();
  await login(page, 'cs2@demo.shopops');
  await expect(page.getByTestId('side-menu')).toContainText('任务');
  await expect(page.getByTestId('side-menu')).not.toContainText('设置');
  await page.goto(`${origin()}/settings`);
  await expect(page.getByTestId('settings-forbidden')).toContainText('只有店长和管理员');
  await expect(page.getByTestId('targets')).toHaveCount(0);
  expect(tried).toEqual([]);
  await context.close();
});

test("the manager sets next month's team and personal targets in the grid, each in its unit", async ({ browser }) => {
  const manager = await apiLogin('manager@demo.shopops');
  const { staff } = await manager.query<{ staff: { nodes: { id: string; name: string }[] } }>(
    'query($teamId: ID!) { staff(first: 100, filter: { teamId: $teamId }) { nodes { id name } } }',
    { teamId: manager.teamId },
  );
  const xiaoya = staff.nodes.find((s) => s.name.startsWith('小雅'))!;
  const context = await browser.newContext();
  const tried = await offline(context);
  const page = await context.newPage();
  const sent = sentMutations(page);
  await login(page, 'manager@demo.shopops');
  await page.goto(`${origin()}/settings`);

  // The team's current month by default, its stored targets in their units: ¥ for money, % for rates.
  const targets = page.getByTestId('targets');
  const current = await targets.getAttribute('data-month');
  const stored = await targetsOf(manager, current!);
  const teamConversion = stored.find((x) => x.staffId === null && x.metric === 'CONVERSION_RATE' && x.period === 'MONTH');
  const input = (metric: string, staffId = 'team') => page.locator(`[data-testid="target-input"][data-metric="${metric}"][data-staff="${staffId}"]`);
  const cell = (metric: string, staffId = 'team') => page.locator(`[data-testid="target-cell"][data-metric="${metric}"][data-staff="${staffId}"]`);
  if (teamConversion) await expect(input('CONVERSION_RATE')).toHaveValue(percent(teamConversion.value));
  await expect(cell('CONVERSION_RATE')).toContainText('%');
  await expect(cell('PAID_AMOUNT')).toContainText('¥');
  // A team target only for §4's team metrics; 小雅 (customer service) has her sales target, not a ROI one.
  await expect(input('SALES_AMOUNT')).toHaveCount(0);
  await expect(input('SALES_AMOUNT', xiaoya.id)).toBeVisible();
  await expect(input('ROI', xiaoya.id)).toHaveCount(0);
  // Wide enough for every person's column.
  await page.setViewportSize({ width: 1720, height: 900 });
  await page.screenshot({ path: screenshot('settings'), fullPage: true });
  await page.setViewportSize({ width: 1440, height: 900 });

  // Next month: nothing set yet.
  const month = await nextMonth(manager);
  await page.getByTestId('targets-month').fill(month);
  await expect(targets).toHaveAttribute('data-month', month);
  expect(await targetsOf(manager, month)).toEqual([]);
  await expect(input('PAID_AMOUNT')).toHaveValue('');

  // What the form refuses stays on the page, at its cell, and nothing is sent.
  await input('PAID_AMOUNT').fill('-5000');
  await input('REFUND_RATE').fill('abc');
  await input('CONVERSION_RATE').fill('120');
  await page.getByTestId('targets-save').click();
  await expect(cell('PAID_AMOUNT')).toContainText('不能为负数');
  await expect(cell('REFUND_RATE')).toContainText('请输入数字');
  await expect(cell('CONVERSION_RATE')).toContainText('不能大于 100%');
  expect(sent.filter((m) => m === 'SetTargets')).toEqual([]);
  expect(await targetsOf(manager, month)).toEqual([]);

  // The team's paid amount, its conversion typed as 2.5 (%), and 小雅's sales: three cells changed.
  await input('PAID_AMOUNT').fill('1050000');
  await input('REFUND_RATE').fill('');
  await input('CONVERSION_RATE').fill('2.5');
  await input('SALES_AMOUNT', xiaoya.id).fill('150000.50');
  await expect(page.getByTestId('targets-save')).toHaveAttribute('data-pending', '3');
  await page.getByTestId('targets-save').click();
  await expect(page.getByTestId('targets-save')).toHaveAttribute('data-pending', '0');
  expect(sent.filter((m) => m === 'SetTargets')).toHaveLength(1);

  // Exactly those were stored: 2.5 % is the fraction 2.5 / 100 = 0.025, money in yuan.
  const saved = await targetsOf(manager, month);
  const sorted = (list: Target[]) => [...list].sort((a, b) => `${a.staffId}${a.metric}`.localeCompare(`${b.staffId}${b.metric}`));
  expect(sorted(saved)).toEqual(
    sorted([
      { metric: 'PAID_AMOUNT', staffId: null, period: 'MONTH', value: '1050000' },
      { metric: 'CONVERSION_RATE', staffId: null, period: 'MONTH', value: '0.025' },
      { metric: 'SALES_AMOUNT', staffId: xiaoya.id, period: 'MONTH', value: '150000.5' },
    ]),
  );
  // Read back into the grid as typed.
  await expect(input('CONVERSION_RATE')).toHaveValue('2.5');
  await expect(input('SALES_AMOUNT', xiaoya.id)).toHaveValue('150000.5');

  // A stored target can be changed but not emptied (the API has no removal): refused at the cell.
  await input('PAID_AMOUNT').fill('');
  await page.getByTestId('targets-save').click();
  await expect(cell('PAID_AMOUNT')).toContainText('不能清空');
  expect(sent.filter((m) => m === 'SetTargets')).toHaveLength(1);
  expect(tried).toEqual([]);
  await context.close();
});

interface Threshold {
  key: string;
  value: string;
  defaultValue: string;
  isDefault: boolean;
}

test('the manager changes a diagnosis threshold, sees it marked, and resets it to its default', async ({ browser }) => {
  const manager = await apiLogin('manager@demo.shopops');
  const thresholds = async () =>
    (await manager.query<{ diagnosisThresholds: Threshold[] }>('query($teamId: ID!) { diagnosisThresholds(teamId: $teamId) { key value defaultValue isDefault } }', {
      teamId: manager.teamId,
    })).diagnosisThresholds;
  const bounce = async () => (await thresholds()).find((x) => x.key === 'BOUNCE_RATE_MAX')!;
  expect(await bounce()).toEqual({ key: 'BOUNCE_RATE_MAX', value: '0.7', defaultValue: '0.7', isDefault: true });

  const context = await browser.newContext();
  const tried = await offline(context);
  const page = await context.newPage();
  try {
    await login(page, 'manager@demo.shopops');
    await page.goto(`${origin()}/settings`);
    await page.getByTestId('tab-thresholds').click();
    // Every threshold of the API, each with its §5 default.
    await expect(page.getByTestId('threshold-row')).toHaveCount((await thresholds()).length);
    const row = page.locator('[data-testid="threshold-row"][data-key="BOUNCE_RATE_MAX"]');
    await expect(row.getByTestId('threshold-input')).toHaveValue('70');
    await expect(row.getByTestId('threshold-default')).toHaveText('70.00%');
    await expect(row).toHaveAttribute('data-default', 'true');

    // A bounce rate above 65 % fires from now on: 65 % is 0.65.
    await row.getByTestId('threshold-input').fill('65');
    await page.getByTestId('thresholds-save').click();
    await expect(row).toHaveAttribute('data-default', 'false');
    await expect(row.getByTestId('threshold-state')).toHaveText('已修改');
    expect(await bounce()).toEqual({ key: 'BOUNCE_RATE_MAX', value: '0.65', defaultValue: '0.7', isDefault: false });

    // Back to §5's default.
    await row.getByTestId('threshold-reset').click();
    await expect(row).toHaveAttribute('data-default', 'true');
    await expect(row.getByTestId('threshold-input')).toHaveValue('70');
    expect(await bounce()).toEqual({ key: 'BOUNCE_RATE_MAX', value: '0.7', defaultValue: '0.7', isDefault: true });
    expect(tried).toEqual([]);
  } finally {
    await manager.query('mutation($input: SetDiagnosisThresholdsInput!) { setDiagnosisThresholds(input: $input) { thresholds { key } } }', {
      input: { teamId: manager.teamId, thresholds: [{ key: 'BOUNCE_RATE_MAX', value: null }] },
    });
    await context.close();
  }
});

interface Kpi {
  code: string;
  metric: string;
  basis: string;
  direction: string;
  method: string;
  weight: string;
  tiers: { threshold: string; score: string }[] | null;
  worst: string | null;
  best: string | null;
  target: string | null;
  value: string | null;
  cap: string | null;
}

const KPI_FIELDS = 'code metric basis direction method weight tiers { threshold score } worst best target value cap';
const SET_KPIS = `mutation($input: SetRoleKpisInput!) { setRoleKpis(input: $input) { kpis { code } } }`;

/** A KPI as the API returns it, as the input that sets it again. */
function kpiInput(k: Kpi): Record<string, unknown> {
  const { tiers, worst, best, target, value, cap, ...rest } = k;
  return {
    ...rest,
    ...(k.method === 'TIERS' && { tiers }),
    ...(k.method === 'LINEAR' && { worst, best }),
    ...(k.method === 'TARGET_RATIO' && { target, value, cap }),
  };
}

test('a scorecard is refused at the form for a weight of 0, at the field when the API refuses it, and saved when valid', async ({ browser }) => {
  const manager = await apiLogin('manager@demo.shopops');
  const scorecard = async () =>
    (await manager.query<{ kpiLibrary: Kpi[] }>(`query($teamId: ID!) { kpiLibrary(teamId: $teamId, role: CUSTOMER_SERVICE) { ${KPI_FIELDS} } }`, {
      teamId: manager.teamId,
    })).kpiLibrary;
  const before = await scorecard();
  const aov = before.findIndex((k) => k.code === 'CS_AOV');
  const response = before.findIndex((k) => k.code === 'CS_AVG_RESPONSE');
  expect(aov).toBeGreaterThanOrEqual(0);
  expect(response).toBeGreaterThanOrEqual(0);
  expect(before.reduce((s, k) => s + Number(k.weight), 0)).toBe(100);

  const restore = () => manager.query(SET_KPIS, { input: { teamId: manager.teamId, role: 'CUSTOMER_SERVICE', kpis: before.map(kpiInput) } });
  const context = await browser.newContext();
  const tried = await offline(context);
  const page = await context.newPage();
  const sent = sentMutations(page);
  try {
    await login(page, 'manager@demo.shopops');
    await page.goto(`${origin()}/settings?tab=kpis`);
    const lines = page.getByTestId('kpi-line');
    await expect(lines).toHaveCount(before.length);
    const sum = page.getByTestId('kpi-weight-sum');
    await expect(sum).toHaveAttribute('data-sum', '100');

    // A weight of 0 is refused at its field (the API wants each above 0), and nothing is sent.
    const aovWeight = String(Number(before[aov].weight) + 5);
    const responseWeight = String(Number(before[response].weight) - 5);
    const weightItem = lines.nth(aov).locator('.ant-form-item', { has: page.getByTestId('kpi-weight') });
    await lines.nth(aov).getByTestId('kpi-weight').fill('0');
    await page.getByTestId('kpi-save').click();
    await expect(weightItem.locator('.ant-form-item-explain-error').first()).toBeVisible();
    expect(sent.filter((m) => m === 'SetRoleKpis')).toEqual([]);
    // CS_AOV's weight 5 up (20 → 25): the sum shown follows, 105 (§7 divides by it).
    await lines.nth(aov).getByTestId('kpi-weight').fill(aovWeight);
    await expect(sum).toHaveAttribute('data-sum', '105');

    // The response time's 5 down (10 → 5): 100 again. With a code the designers' scorecard
    // already uses, the API refuses it, and its words are shown at that line's code.
    await lines.nth(response).getByTestId('kpi-weight').fill(responseWeight);
    await expect(sum).toHaveAttribute('data-sum', '100');
    await lines.nth(aov).getByTestId('kpi-code').fill('DESIGN_ON_TIME');
    await page.getByTestId('kpi-save').click();
    const refused = await apiFieldErrors(manager.token, SET_KPIS, {
      input: { teamId: manager.teamId, role: 'CUSTOMER_SERVICE', kpis: before.map((k, i) => kpiInput(i === aov ? { ...k, code: 'DESIGN_ON_TIME' } : k)) },
    });
    expect(refused.code).toBe('BAD_USER_INPUT');
    const why = refused.errors!.find((e) => e.field === 'code' && e.row === aov + 1)!;
    const codeItem = lines.nth(aov).locator('.ant-form-item', { has: page.getByTestId('kpi-code') });
    await expect(codeItem).toContainText(why.message);
    expect(sent.filter((m) => m === 'SetRoleKpis')).toHaveLength(1);
    expect(await scorecard()).toEqual(before);

    // The code back, CS_AOV's top tier 250 → 260: saved, and read back exactly so.
    await lines.nth(aov).getByTestId('kpi-code').fill('CS_AOV');
    await lines.nth(aov).getByTestId('kpi-tier-threshold').first().fill('260');
    await page.getByTestId('kpi-save').click();
    const expected = before.map((k, i) =>
      i === aov
        ? { ...k, weight: aovWeight, tiers: k.tiers!.map((x, j) => (j === 0 ? { ...x, threshold: '260' } : x)) }
        : i === response
          ? { ...k, weight: responseWeight }
          : k,
    );
    await expect.poll(scorecard).toEqual(expected);
    await expect(lines.nth(aov).getByTestId('kpi-tier-threshold').first()).toHaveValue('260');

    // The forced distribution, its own form: S at most 10 % is the fraction 0.1; then none again.
    const quotas = async () =>
      (await manager.query<{ forcedDistribution: { grade: string; max: string }[] }>('query($teamId: ID!) { forcedDistribution(teamId: $teamId) { grade max } }', {
        teamId: manager.teamId,
      })).forcedDistribution;
    expect(await quotas()).toEqual([]);
    await page.getByTestId('quota-S').fill('10');
    await page.getByTestId('quota-save').click();
    await expect(page.getByTestId('forced-distribution')).toHaveAttribute('data-quotas', '1');
    expect(await quotas()).toEqual([{ grade: 'S', max: '0.1' }]);
    await page.getByTestId('quota-S').fill('');
    await page.getByTestId('quota-save').click();
    await expect(page.getByTestId('forced-distribution')).toHaveAttribute('data-quotas', '0');
    expect(await quotas()).toEqual([]);

    expect(tried).toEqual([]);
  } finally {
    // The demo's scorecard and no forced distribution, for the specs after this one.
    await restore();
    await manager.query('mutation($input: SetForcedDistributionInput!) { setForcedDistribution(input: $input) { quotas { grade } } }', {
      input: { teamId: manager.teamId, quotas: [] },
    });
    await context.close();
  }
  expect(await scorecard()).toEqual(before);
});

interface PlanRule {
  code: string;
  kind: string;
  params: Record<string, unknown>;
}

test('the manager edits a bonus plan, reads it back, and resets it to the default', async ({ browser }) => {
  const manager = await apiLogin('manager@demo.shopops');
  const plan = async () =>
    (await manager.query<{ bonusPlans: { role: string; isDefault: boolean; rules: PlanRule[] }[] }>(
      `query($teamId: ID!) { bonusPlans(teamId: $teamId) { role isDefault rules { code kind params {
        ... on GradeBonus { base coefficients { s a b c d } }
        ... on Commission { metric rate tiers { completion rate } } } } } }`,
      { teamId: manager.teamId },
    )).bonusPlans.find((p) => p.role === 'CUSTOMER_SERVICE')!;
  const before = await plan();
  expect(before.isDefault).toBe(true);
  expect(before.rules.map((r) => r.kind)).toEqual(['GRADE_BONUS', 'COMMISSION']);

  const context = await browser.newContext();
  const tried = await offline(context);
  const page = await context.newPage();
  try {
    await login(page, 'manager@demo.shopops');
    await page.goto(`${origin()}/settings?tab=bonus`);
    const card = page.getByTestId('plan');
    await expect(card).toHaveAttribute('data-default', 'true');
    const rules = page.getByTestId('plan-rule');
    await expect(rules).toHaveCount(2);
    // The commission's rate is shown in percent: 0.005 is 0.5 %.
    await expect(rules.nth(1).getByTestId('rule-rate')).toHaveValue(percent((before.rules[1].params as { rate: string }).rate));

    // A base of ¥900.00, and from 100 % of the sales target on a commission of 0.8 %.
    await rules.nth(0).getByTestId('rule-base').fill('900.00');
    await rules.nth(1).getByTestId('rule-tier-add').click();
    await rules.nth(1).getByTestId('rule-tier-completion').fill('100');
    await rules.nth(1).getByTestId('rule-tier-rate').fill('0.8');
    await page.getByTestId('plan-save').click();
    await expect(card).toHaveAttribute('data-default', 'false');
    await expect(page.getByTestId('plan-state')).toContainText('已自定义');

    // Read back: 100 % is the completion 1, 0.8 % the rate 0.008; the rest as it was.
    const saved = await plan();
    const [grade, commission] = before.rules as [PlanRule & { params: { base: string } }, PlanRule & { params: { rate: string; metric: string } }];
    expect(saved.isDefault).toBe(false);
    expect(saved.rules).toEqual([
      { ...grade, params: { ...grade.params, base: expect.stringMatching(/^900(\.0+)?$/) } },
      { ...commission, params: { ...commission.params, tiers: [{ completion: '1', rate: '0.008' }] } },
    ]);
    await expect(rules.nth(1).getByTestId('rule-tier-rate')).toHaveValue('0.8');

    // Back to the default plan.
    await page.getByTestId('plan-reset').click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await expect(card).toHaveAttribute('data-default', 'true');
    await expect(rules.nth(0).getByTestId('rule-base')).toHaveValue(grade.params.base);
    expect(await plan()).toEqual(before);
    expect(tried).toEqual([]);
  } finally {
    await manager.query('mutation($input: ResetBonusPlanInput!) { resetBonusPlan(input: $input) { plan { isDefault } } }', {
      input: { teamId: manager.teamId, role: 'CUSTOMER_SERVICE' },
    });
    await context.close();
  }
});
