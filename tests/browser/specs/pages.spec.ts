// The trends, customer-service ranking and reports pages against the API's own answers: each test
// signs in over HTTP too, asks the API for what the page shows, and checks the page's numbers
// against it. The demo's figures depend on today's date, so none is written down here.
import { expect, test, type Locator } from '@playwright/test';
import { apiLogin, login, offline, origin, screenshot } from './helpers';

/** The app's formats in Chinese (the default language): see web/src/i18n.ts. */
const zh = {
  num: (n: number, places = 0) =>
    new Intl.NumberFormat('zh-CN', { minimumFractionDigits: places, maximumFractionDigits: places }).format(n),
  pct: (f: number, places = 2) =>
    new Intl.NumberFormat('zh-CN', { style: 'percent', minimumFractionDigits: places, maximumFractionDigits: places }).format(f),
  money: (n: number) =>
    new Intl.NumberFormat('zh-CN', {
      style: 'currency',
      currency: 'CNY',
      currencyDisplay: 'narrowSymbol',
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    }).format(n),
  seconds: (n: number) => `${zh.num(n, 1)} s`,
};

interface Api {
  query: <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;
  teamId: string;
  /** The team's local yesterday (YYYY-MM-DD), as the pages take it. */
  yesterday: string;
}

/** Signs in over HTTP, with the team's local yesterday (the day the pages show first). */
async function api(email: string): Promise<Api> {
  const session = await apiLogin(email);
  const { me } = await session.query<{ me: { team: { timeZone: string } } }>('{ me { team { timeZone } } }');
  const today = new Intl.DateTimeFormat('en-CA', {
    timeZone: me.team.timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
  return { query: session.query, teamId: session.teamId, yesterday: addDays(today, -1) };
}

function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function cell(row: Locator, metric: string): Locator {
  return row.locator(`[data-metric="${metric}"]`);
}

interface ShopBucket {
  periodStart: string;
  visitors: number | null;
  paidBuyers: number;
  paidAmount: string;
  conversionRate: number | null;
  bouncedVisitors: number;
  bounceRate: number | null;
}

const SHOP_METRICS = `query($teamId: ID!, $from: Date!, $to: Date!, $granularity: Granularity!) {
  shopMetrics(teamId: $teamId, from: $from, to: $to, granularity: $granularity) {
    periodStart visitors paidBuyers paidAmount conversionRate bouncedVisitors bounceRate
  }
}`;

test('the trends page shows the shop numbers the API gives, by day and by week', async ({ browser }) => {
  const a = await api('manager@demo.shopops');
  // The page's default range: the 30 days up to yesterday.
  const range = { teamId: a.teamId, from: addDays(a.yesterday, -29), to: a.yesterday };
  const { shopMetrics: days } = await a.query<{ shopMetrics: ShopBucket[] }>(SHOP_METRICS, { ...range, granularity: 'DAY' });
  expect(days).toHaveLength(30);

  const context = await browser.newContext();
  const tried = await offline(context);
  const page = await context.newPage();
  await login(page, 'manager@demo.shopops');
  await page.getByTestId('side-menu').getByText('趋势').click();
  await expect(page.getByTestId('trends')).toHaveAttribute('data-from', range.from);
  await expect(page.getByTestId('trends')).toHaveAttribute('data-to', range.to);

  const rows = page.getByTestId('trend-table').getByTestId('trend-row');
  await expect(rows).toHaveCount(days.length);
  expect(await rows.evaluateAll((rs) => rs.map((r) => r.getAttribute('data-period')))).toEqual(days.map((d) => d.periodStart));
  // Every day's visitors, paid amount and conversion, as the API gives them; conversion is
  // paid buyers / visitors (the API's own ratio, derived here from its counts as a check).
  for (const d of days) {
    const row = page.locator(`[data-testid="trend-row"][data-period="${d.periodStart}"]`);
    await expect(cell(row, 'VISITORS')).toHaveText(d.visitors === null ? '—' : zh.num(d.visitors));
    await expect(cell(row, 'PAID_AMOUNT')).toHaveText(zh.money(Number(d.paidAmount)));
    const conversion = d.visitors ? d.paidBuyers / d.visitors : null;
    expect(d.conversionRate).toBeCloseTo(conversion ?? NaN, 12);
    await expect(cell(row, 'CONVERSION_RATE')).toHaveText(conversion === null ? '—' : zh.pct(conversion));
  }

  // Yesterday's paid-amount target beside it: a day's target is the month's / the month's days,
  // unless a target was set for the day itself (DOMAIN §4).
  const y = days[days.length - 1];
  const month = y.periodStart.slice(0, 7);
  const { targets } = await a.query<{ targets: { metric: string; staffId: string | null; period: string; startsOn: string; value: string }[] }>(
    'query($teamId: ID!, $month: Month!) { targets(teamId: $teamId, month: $month) { metric staffId period startsOn value } }',
    { teamId: a.teamId, month },
  );
  const teamTarget = (period: string) =>
    targets.find((x) => x.staffId === null && x.metric === 'PAID_AMOUNT' && x.period === period && (period === 'MONTH' || x.startsOn === y.periodStart));
  const daysOfMonth = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
  const yTarget = teamTarget('DAY')
    ? Number(teamTarget('DAY')!.value)
    : teamTarget('MONTH')
      ? Number(teamTarget('MONTH')!.value) / daysOfMonth
      : null;
  const yTargetCell = cell(page.locator(`[data-testid="trend-row"][data-period="${y.periodStart}"]`), 'PAID_AMOUNT_TARGET');
  if (yTarget === null) await expect(yTargetCell).toHaveText('—');
  else await expect(yTargetCell).toHaveText(zh.money(yTarget));

  // Yesterday's bounce, once the metric is picked: bounced / visitors.
  await page.getByTestId('trend-metrics').click();
  await page.getByTestId('trend-metrics').locator('input').fill('跳失率');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: '店铺趋势' }).click();
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  const yRow = page.locator(`[data-testid="trend-row"][data-period="${y.periodStart}"]`);
  const bounce = y.bouncedVisitors / y.visitors!;
  expect(y.bounceRate).toBeCloseTo(bounce, 12);
  await expect(cell(yRow, 'BOUNCE_RATE')).toHaveText(zh.pct(bounce));
  // One chart per metric, drawn (ECharts loaded with the first) before the picture.
  await expect(page.getByTestId('trend-echart-bounce_rate').locator('canvas')).toBeVisible();
  await expect(page.getByTestId('trend-echart-visitors').locator('canvas')).toBeVisible();
  await page.screenshot({ path: screenshot('trends'), fullPage: true });

  // By week: the API's buckets (Monday to Sunday, clipped to the range), their visitors summed by it.
  const { shopMetrics: weeks } = await a.query<{ shopMetrics: ShopBucket[] }>(SHOP_METRICS, { ...range, granularity: 'WEEK' });
  await page.getByTestId('trend-granularity').getByText('按周').click();
  await expect(rows).toHaveCount(weeks.length);
  expect(await rows.evaluateAll((rs) => rs.map((r) => r.getAttribute('data-period')))).toEqual(weeks.map((w) => w.periodStart));
  for (const w of weeks) {
    const row = page.locator(`[data-testid="trend-row"][data-period="${w.periodStart}"]`);
    await expect(cell(row, 'VISITORS')).toHaveText(w.visitors === null ? '—' : zh.num(w.visitors));
  }

  // English by the switch: the same numbers under English headings.
  await page.getByTestId('lang-switch').click();
  await expect(page.getByTestId('trend-table')).toContainText('Visitors');
  expect(tried).toEqual([]);
  await context.close();
});

interface CsNumbers {
  inquiries: number;
  paidBuyers: number;
  firstResponseSecondsSum: number;
  firstResponseCount: number;
  inquiryConversion: number | null;
  avgFirstResponse: number | null;
}
interface CsAnswer {
  csRanking: {
    team: CsNumbers;
    agents: {
      nodes: { rank: number; staffId: string; metrics: CsNumbers; gap: { inquiryConversionPts: number | null; avgFirstResponse: number | null } }[];
    };
  };
}
const CS_NUMBERS = 'inquiries paidBuyers firstResponseSecondsSum firstResponseCount inquiryConversion avgFirstResponse';
const CS_RANKING = `query($teamId: ID!, $from: Date!, $to: Date!) {
  csRanking(teamId: $teamId, from: $from, to: $to) {
    team { ${CS_NUMBERS} }
    agents(first: 100) { nodes { rank staffId metrics { ${CS_NUMBERS} } gap { inquiryConversionPts avgFirstResponse } } }
  }
}`;

test("the CS ranking shows each agent's numbers against the team's pooled row", async ({ browser }) => {
  const a = await api('manager@demo.shopops');
  const day = { teamId: a.teamId, from: a.yesterday, to: a.yesterday };
  const { csRanking } = await a.query<CsAnswer>(CS_RANKING, day);
  const agents = csRanking.agents.nodes;
  expect(agents.length).toBeGreaterThanOrEqual(2);

  const context = await browser.newContext();
  const tried = await offline(context);
  const page = await context.newPage();
  await login(page, 'manager@demo.shopops');
  await page.goto(`${origin()}/cs`);
  await expect(page.getByTestId('cs-ranking')).toHaveAttribute('data-from', a.yesterday);
  const rows = page.getByTestId('cs-row');
  await expect(rows).toHaveCount(agents.length);
  // In the API's rank order (by sales, best first).
  expect(await rows.evaluateAll((rs) => rs.map((r) => r.getAttribute('data-staff')))).toEqual(agents.map((x) => x.staffId));

  for (const agent of agents) {
    const m = agent.metrics;
    const row = page.locator(`[data-testid="cs-row"][data-staff="${agent.staffId}"]`);
    // 询单转化率 = paid buyers / inquiries; average first response = Σ seconds / first responses.
    const conversion = m.paidBuyers / m.inquiries;
    expect(m.inquiryConversion).toBeCloseTo(conversion, 12);
    await expect(cell(row, 'INQUIRY_CONVERSION')).toHaveText(zh.pct(conversion));
    await expect(cell(row, 'INQUIRIES')).toHaveText(zh.num(m.inquiries));
    const firstResponse = m.firstResponseSecondsSum / m.firstResponseCount;
    expect(m.avgFirstResponse).toBeCloseTo(firstResponse, 9);
    await expect(cell(row, 'AVG_FIRST_RESPONSE')).toHaveText(zh.seconds(firstResponse));
  }

  // The team pooled: every agent's sums added, then the ratio.
  const pooled = page.getByTestId('cs-pooled');
  const team = csRanking.team;
  expect(team.inquiries).toBe(agents.reduce((s, x) => s + x.metrics.inquiries, 0));
  expect(team.paidBuyers).toBe(agents.reduce((s, x) => s + x.metrics.paidBuyers, 0));
  await expect(cell(pooled, 'INQUIRIES')).toHaveText(zh.num(team.inquiries));
  await expect(cell(pooled, 'INQUIRY_CONVERSION')).toHaveText(zh.pct(team.paidBuyers / team.inquiries));
  await expect(cell(pooled, 'AVG_FIRST_RESPONSE')).toHaveText(zh.seconds(team.firstResponseSecondsSum / team.firstResponseCount));

  // The demo's lagging agent (the 2nd, ~20 % against ~45 %, and slow to answer): conversion below
  // the team's is bad (higher is better), a first response slower than the team's is bad too
  // (lower is better); the other agent's faster answer is good.
  const lagging = agents.reduce((w, x) => (x.metrics.paidBuyers / x.metrics.inquiries < w.metrics.paidBuyers / w.metrics.inquiries ? x : w));
  const leading = agents.find((x) => x !== lagging)!;
  expect(lagging.metrics.paidBuyers / lagging.metrics.inquiries).toBeLessThan(team.paidBuyers / team.inquiries);
  expect(lagging.gap.inquiryConversionPts!).toBeLessThan(0);
  expect(lagging.gap.avgFirstResponse!).toBeGreaterThan(0);
  const lagRow = page.locator(`[data-testid="cs-row"][data-staff="${lagging.staffId}"]`);
  await expect(cell(lagRow, 'INQUIRY_CONVERSION')).toHaveAttribute('data-gap', 'bad');
  await expect(cell(lagRow, 'AVG_FIRST_RESPONSE')).toHaveAttribute('data-gap', 'bad');
  const leadRow = page.locator(`[data-testid="cs-row"][data-staff="${leading.staffId}"]`);
  await expect(cell(leadRow, 'INQUIRY_CONVERSION')).toHaveAttribute('data-gap', 'good');
  await expect(cell(leadRow, 'AVG_FIRST_RESPONSE')).toHaveAttribute('data-gap', 'good');
  await page.screenshot({ path: screenshot('cs-ranking'), fullPage: true });

  // Sorting by first response asks the API to rank by it: the fastest first.
  await page.getByTestId('cs-table').getByRole('columnheader', { name: '平均首响' }).click();
  await expect(page.getByTestId('cs-ranking')).toHaveAttribute('data-sort', 'AVG_FIRST_RESPONSE');
  const fastest = [...agents].sort((x, y) => x.metrics.avgFirstResponse! - y.metrics.avgFirstResponse!);
  await expect(rows.first()).toHaveAttribute('data-staff', fastest[0].staffId);
  await expect(rows.first()).toHaveAttribute('data-rank', '1');

  // A range: the last 7 days, pooled over the days by the API.
  const week = { teamId: a.teamId, from: addDays(a.yesterday, -6), to: a.yesterday };
  const { csRanking: weekRanking } = await a.query<CsAnswer>(CS_RANKING, week);
  await page.getByTestId('cs-mode').getByText('区间').click();
  await page.getByTestId('cs-range-preset').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '近7天' }).click();
  await expect(page.getByTestId('cs-ranking')).toHaveAttribute('data-from', week.from);
  await expect(cell(pooled, 'INQUIRIES')).toHaveText(zh.num(weekRanking.team.inquiries));
  await expect(cell(pooled, 'INQUIRY_CONVERSION')).toHaveText(zh.pct(weekRanking.team.paidBuyers / weekRanking.team.inquiries));
  for (const agent of weekRanking.agents.nodes) {
    const row = page.locator(`[data-testid="cs-row"][data-staff="${agent.staffId}"]`);
    await expect(cell(row, 'INQUIRIES')).toHaveText(zh.num(agent.metrics.inquiries));
  }
  expect(tried).toEqual([]);
  await context.close();
});

test('a staff member opening the CS ranking sees what the API lets them see', async ({ browser }) => {
  const a = await api('cs2@demo.shopops');
  const day = { teamId: a.teamId, from: a.yesterday, to: a.yesterday };
  let answer: CsAnswer | null = null;
  let code: string | undefined;
  try {
    answer = await a.query<CsAnswer>(CS_RANKING, day);
  } catch (e) {
    code = (e as { code?: string }).code;
  }

  const context = await browser.newContext();
  await offline(context);
  const page = await context.newPage();
  await login(page, 'cs2@demo.shopops');
  await page.goto(`${origin()}/cs`);
  if (answer) {
    // The team shows its ranking to staff (§9, the default): the same rows the API gave cs2.
    const agents = answer.csRanking.agents.nodes;
    await expect(page.getByTestId('cs-row')).toHaveCount(agents.length);
    for (const agent of agents) {
      const row = page.locator(`[data-testid="cs-row"][data-staff="${agent.staffId}"]`);
      await expect(cell(row, 'INQUIRY_CONVERSION')).toHaveText(zh.pct(agent.metrics.paidBuyers / agent.metrics.inquiries));
    }
    await expect(cell(page.getByTestId('cs-pooled'), 'INQUIRIES')).toHaveText(zh.num(answer.csRanking.team.inquiries));
  } else {
    // The team hides it from staff: the page says so, with the API's refusal, and shows no row.
    await expect(page.getByTestId('cs-error')).toHaveAttribute('data-code', code ?? '');
    await expect(page.getByTestId('cs-row')).toHaveCount(0);
  }
  await context.close();
});

test('the reports show the ad, design and product numbers the API gives', async ({ browser }) => {
  const a = await api('manager@demo.shopops');
  const range = { teamId: a.teamId, from: addDays(a.yesterday, -29), to: a.yesterday };
  const data = await a.query<{
    adReport: {
      total: { spend: string; attributedAmount: string; roi: number | null };
      byChannel: { channel: string; metrics: { clicks: number; spend: string; attributedAmount: string } }[];
    };
    designReport: { designerId: string; delivered: number; onTime: number }[];
    productReport: { totalCount: number; nodes: { product: { id: string; isHero: boolean }; paidAmount: string }[] };
  }>(
    `query($teamId: ID!, $from: Date!, $to: Date!) {
      adReport(teamId: $teamId, from: $from, to: $to) {
        total { spend attributedAmount roi }
        byChannel { channel metrics { clicks spend attributedAmount } }
      }
      designReport(teamId: $teamId, from: $from, to: $to) { designerId delivered onTime }
      productReport(teamId: $teamId, from: $from, to: $to, first: 50) { totalCount nodes { product { id isHero } paidAmount } }
    }`,
    range,
  );

  const context = await browser.newContext();
  const tried = await offline(context);
  const page = await context.newPage();
  await login(page, 'manager@demo.shopops');
  await page.getByTestId('side-menu').getByText('报表').click();
  await expect(page.getByTestId('reports')).toHaveAttribute('data-from', range.from);

  // 推广: a row per channel; ROI = attributed amount / spend, over all channels in the total row.
  const adRows = page.getByTestId('ad-report').getByTestId('ad-row');
  await expect(adRows).toHaveCount(data.adReport.byChannel.length);
  for (const c of data.adReport.byChannel) {
    const row = page.locator(`[data-testid="ad-row"][data-channel="${c.channel}"]`);
    await expect(cell(row, 'spend')).toHaveText(zh.money(Number(c.metrics.spend)));
    await expect(cell(row, 'clicks')).toHaveText(zh.num(c.metrics.clicks));
    await expect(cell(row, 'roi')).toHaveText(zh.num(Number(c.metrics.attributedAmount) / Number(c.metrics.spend), 2));
  }
  const roi = Number(data.adReport.total.attributedAmount) / Number(data.adReport.total.spend);
  expect(data.adReport.total.roi).toBeCloseTo(roi, 9);
  await expect(cell(page.getByTestId('ad-total'), 'roi')).toHaveText(zh.num(roi, 2));
  await expect(page.getByTestId('ad-chart').locator('canvas')).toBeVisible();
  await page.screenshot({ path: screenshot('reports'), fullPage: true });

  // 美工: each designer's deliverables; on-time rate = on time / delivered.
  await page.getByTestId('tab-design').click();
  await expect(page.getByTestId('design-report').getByTestId('design-row')).toHaveCount(data.designReport.length);
  for (const d of data.designReport) {
    const row = page.locator(`[data-testid="design-row"][data-staff="${d.designerId}"]`);
    await expect(cell(row, 'delivered')).toHaveText(zh.num(d.delivered));
    await expect(cell(row, 'onTimeRate')).toHaveText(d.delivered ? zh.pct(d.onTime / d.delivered) : '—');
  }

  // 商品: hero products first, flagged, as the API orders them.
  await page.getByTestId('tab-products').click();
  const productRows = page.getByTestId('product-report').getByTestId('product-row');
  await expect(productRows).toHaveCount(data.productReport.nodes.length);
  expect(await productRows.evaluateAll((rs) => rs.map((r) => r.getAttribute('data-product')))).toEqual(
    data.productReport.nodes.map((p) => p.product.id),
  );
  await expect(page.getByTestId('product-report').getByTestId('hero-tag')).toHaveCount(
    data.productReport.nodes.filter((p) => p.product.isHero).length,
  );
  const first = data.productReport.nodes[0];
  await expect(cell(productRows.first(), 'paidAmount')).toHaveText(zh.money(Number(first.paidAmount)));
  expect(tried).toEqual([]);
  await context.close();
});

test('a promotion staff member sees only their own ads by owner, as the API gives them', async ({ browser }) => {
  const a = await api('promo1@demo.shopops');
  const range = { teamId: a.teamId, from: addDays(a.yesterday, -29), to: a.yesterday };
  const { adReport } = await a.query<{ adReport: { byChannel: { channel: string }[]; byOwner: { ownerId: string; metrics: { spend: string } }[] } }>(
    `query($teamId: ID!, $from: Date!, $to: Date!) {
      adReport(teamId: $teamId, from: $from, to: $to) { byChannel { channel } byOwner { ownerId metrics { spend } } }
    }`,
    range,
  );
  const { me } = await a.query<{ me: { id: string } }>('{ me { id } }');
  // §9: staff see every channel of the team, and of the owners only themselves.
  expect(adReport.byOwner.map((o) => o.ownerId)).toEqual([me.id]);

  const context = await browser.newContext();
  await offline(context);
  const page = await context.newPage();
  await login(page, 'promo1@demo.shopops');
  await page.goto(`${origin()}/reports`);
  await expect(page.getByTestId('ad-report').getByTestId('ad-row')).toHaveCount(adReport.byChannel.length);
  const owners = page.getByTestId('ad-owner-report').getByTestId('ad-owner-row');
  await expect(owners).toHaveCount(adReport.byOwner.length);
  await expect(owners.first()).toHaveAttribute('data-staff', me.id);
  await expect(cell(owners.first(), 'spend')).toHaveText(zh.money(Number(adReport.byOwner[0].metrics.spend)));
  await context.close();
});
