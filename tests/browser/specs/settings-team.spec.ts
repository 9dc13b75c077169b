// 设置 · 人员 and 商品: the manager's people and products. A new person is made with the form and
// signs in with their first password; the form refuses what the API would (no name, a bad
// e-mail) before sending anything, and shows the API's own refusal of an e-mail already taken
// at the e-mail; a chat alias is added and removed, one already bound refused at the alias; the
// new person is deactivated (they can no longer sign in) and reactivated. A product is made, its
// hero flag switched from the list, a 商品ID already taken refused at the 商品ID. Everything is
// checked against the API's own answer. Only what these tests make is changed: the demo's people
// and products are left as they are for the specs after this one (tasks.spec.ts).
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { apiLogin, gql, login, offline, origin, screenshot, type ApiSession } from './helpers';

test.describe.configure({ mode: 'serial' });

/** Names unique to this run, so that the spec can run again against a server it already ran on. */
const STAMP = Date.now().toString(36);
const NEWCOMER = { name: `新同事 Test ${STAMP}`, email: `new.hire.${STAMP}@demo.shopops`, password: 'first-day-2026' };
const ALIAS = `示范旗舰店:新同事${STAMP}`;
const ITEM = `T${STAMP}`;

interface Person {
  id: string;
  name: string;
  email: string | null;
  role: string | null;
  access: string;
  active: boolean;
  aliases: { id: string; alias: string }[] | null;
}

const TEAM_STAFF = `query($teamId: ID!) {
  staff(first: 100, filter: { teamId: $teamId }) { totalCount nodes { id name email role access active aliases { id alias } } }
}`;

async function teamStaff(manager: ApiSession) {
  const { staff } = await manager.query<{ staff: { totalCount: number; nodes: Person[] } }>(TEAM_STAFF, { teamId: manager.teamId });
  return staff;
}

async function newcomer(manager: ApiSession): Promise<Person> {
  const person = (await teamStaff(manager)).nodes.find((p) => p.email === NEWCOMER.email);
  if (!person) throw new Error(`${NEWCOMER.email} is not in the team`);
  return person;
}

/** Signs in over the API: 'OK', or the API's error code. */
async function signIn(email: string, password: string): Promise<string> {
  try {
    await gql('mutation($input: LoginInput!) { login(input: $input) { token } }', { input: { email, password } });
    return 'OK';
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
}

/** The API's refusal of a mutation: its code and its words. */
async function refusal(manager: ApiSession, mutation: string, input: Record<string, unknown>) {
  const e = await manager.query(mutation, { input }).then(
    () => {
      throw new Error('the API accepted it');
    },
    (err: Error & { code?: string }) => err,
  );
  return { code: e.code, message: e.message };
}

/**
 * The error antd shows under the form field that holds `testId`; not one fading out (antd keeps
 * the message it replaces in the page while its leave animation runs).
 */
function fieldError(scope: Page | Locator, testId: string): Locator {
  return scope.locator(`.ant-form-item:has([data-testid="${testId}"]) .ant-form-item-explain-error:not(.ant-form-show-help-item-leave)`);
}

/** Picks `title` in the open antd select. */
async function pick(page: Page, testId: string, title: string) {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:visible').getByTitle(title, { exact: true }).click();
}

async function managerOn(browser: Browser, tab: 'staff' | 'products') {
  const context = await browser.newContext();
  const tried = await offline(context);
  const page = await context.newPage();
  await login(page, 'manager@demo.shopops');
  await page.goto(`${origin()}/settings?tab=${tab}`);
  return { context, tried, page };
}

test('the manager adds a person with the form: the role and access chosen, signing in with the first password', async ({ browser }) => {
  const manager = await apiLogin('manager@demo.shopops');
  const before = await teamStaff(manager);
  const { context, tried, page } = await managerOn(browser, 'staff');
  await expect(page.getByTestId('staff-row')).toHaveCount(before.totalCount);

  await page.getByTestId('staff-new').click();
  await page.getByTestId('staff-name').fill(NEWCOMER.name);
  await page.getByTestId('staff-email').fill(NEWCOMER.email);
  await page.getByTestId('staff-password').fill(NEWCOMER.password);
  // A manager grants STAFF or MANAGER access; ADMIN only an admin may (createStaff's rule).
  await page.getByTestId('staff-access').click();
  await expect(page.locator('.ant-select-dropdown:visible .ant-select-item-option')).toHaveText(['员工', '店长']);
  await page.locator('.ant-select-dropdown:visible').getByTitle('店长', { exact: true }).click();
  await pick(page, 'staff-role', '推广');
  await page.getByTestId('staff-submit').click();

  const row = page.locator(`[data-testid="staff-row"][data-email="${NEWCOMER.email}"]`);
  await expect(row).toHaveAttribute('data-access', 'MANAGER');
  await expect(page.getByTestId('staff-row')).toHaveCount(before.totalCount + 1);
  const made = await newcomer(manager);
  expect(made).toMatchObject({ name: NEWCOMER.name, role: 'PROMOTION', access: 'MANAGER', active: true, aliases: [] });
  await expect(row).toHaveAttribute('data-staff', made.id);
  expect((await teamStaff(manager)).totalCount).toBe(before.totalCount + 1);
  expect(await signIn(NEWCOMER.email, NEWCOMER.password)).toBe('OK');
  expect(tried).toEqual([]);
  await context.close();
});

test("the staff form refuses a missing name and a bad e-mail itself, and shows the API's refusal of a taken e-mail at the e-mail", async ({ browser }) => {
  const manager = await apiLogin('manager@demo.shopops');
  const before = await teamStaff(manager);
  const { context, tried, page } = await managerOn(browser, 'staff');
  const sent: string[] = [];
  page.on('request', (r) => {
    if (r.postData()?.includes('createStaff')) sent.push(r.url());
  });

  await page.getByTestId('staff-new').click();
  await page.getByTestId('staff-email').fill('wang@@demo');
  await page.getByTestId('staff-password').fill('long-enough-1');
  await pick(page, 'staff-role', '客服');
  await page.getByTestId('staff-submit').click();
  await expect(fieldError(page, 'staff-name')).toHaveText('请填写姓名');
  await expect(fieldError(page, 'staff-email')).toHaveText('邮箱格式不正确');
  expect(sent).toEqual([]);

  // 小雅's address, in capitals: the API compares addresses lower-cased. Its own answer first.
  const taken = { teamId: manager.teamId, name: '重复邮箱 Dup', email: 'CS1@demo.shopops', password: 'long-enough-1', role: 'CUSTOMER_SERVICE' };
  const api = await refusal(manager, 'mutation($input: CreateStaffInput!) { createStaff(input: $input) { staff { id } } }', taken);
  expect(api.code).toBe('CONFLICT');
  await page.getByTestId('staff-name').fill(taken.name);
  await page.getByTestId('staff-email').fill(taken.email);
  await page.getByTestId('staff-submit').click();
  await expect(fieldError(page, 'staff-email')).toHaveText(api.message);
  expect(sent).toHaveLength(1);
  await expect(page.getByTestId('staff-form')).toBeVisible();
  expect((await teamStaff(manager)).totalCount).toBe(before.totalCount);
  expect(tried).toEqual([]);
  await context.close();
});

test('the manager adds a chat alias and removes it; an alias already bound is refused at the alias', async ({ browser }) => {
  const manager = await apiLogin('manager@demo.shopops');
  const person = await newcomer(manager);
  const { context, tried, page } = await managerOn(browser, 'staff');
  const row = page.locator(`[data-testid="staff-row"][data-staff="${person.id}"]`);

  await row.getByTestId('alias-add').click();
  await row.getByTestId('alias-input').fill(ALIAS);
  await row.getByTestId('alias-submit').click();
  await expect(row.getByTestId('staff-alias')).toHaveText([ALIAS]);
  expect((await newcomer(manager)).aliases?.map((a) => a.alias)).toEqual([ALIAS]);

  // 小雅's alias (an alias is unique within the team): the API's words at the alias.
  const xiaoya = (await teamStaff(manager)).nodes.find((p) => p.email === 'cs1@demo.shopops')!;
  const bound = xiaoya.aliases![0].alias;
  const api = await refusal(manager, 'mutation($input: AddStaffAliasInput!) { addStaffAlias(input: $input) { alias { id } } }', {
    staffId: person.id,
    alias: bound,
  });
  expect(api.code).toBe('CONFLICT');
  await row.getByTestId('alias-add').click();
  await row.getByTestId('alias-input').fill(bound);
  await row.getByTestId('alias-submit').click();
  await expect(fieldError(row, 'alias-input')).toHaveText(api.message);
  await page.screenshot({ path: screenshot('settings-staff'), fullPage: true, animations: 'disabled' });

  await row.getByTestId('alias-input').press('Escape');
  await row.locator(`[data-testid="staff-alias"][data-alias="${ALIAS}"]`).getByTestId('alias-remove').click();
  await expect(row.getByTestId('staff-alias')).toHaveCount(0);
  expect((await newcomer(manager)).aliases).toEqual([]);
  // 小雅 keeps hers.
  expect((await teamStaff(manager)).nodes.find((p) => p.id === xiaoya.id)?.aliases).toEqual(xiaoya.aliases);
  expect(tried).toEqual([]);
  await context.close();
});

test('a deactivated person can no longer sign in; reactivated, they can', async ({ browser }) => {
  const manager = await apiLogin('manager@demo.shopops');
  const person = await newcomer(manager);
  const { context, tried, page } = await managerOn(browser, 'staff');
  const row = page.locator(`[data-testid="staff-row"][data-staff="${person.id}"]`);
  // Nobody deactivates themselves (the API refuses it): the manager's own row has no such button.
  await expect(page.locator(`[data-testid="staff-row"][data-staff="${manager.id}"]`).getByTestId('staff-deactivate')).toHaveCount(0);

  await row.getByTestId('staff-deactivate').click();
  await page.locator('[data-testid="staff-active-confirm"]:visible').click();
  await expect(row).toHaveAttribute('data-active', 'false');
  expect((await newcomer(manager)).active).toBe(false);
  expect(await signIn(NEWCOMER.email, NEWCOMER.password)).toBe('UNAUTHENTICATED');

  await row.getByTestId('staff-reactivate').click();
  await page.locator('[data-testid="staff-active-confirm"]:visible').click();
  await expect(row).toHaveAttribute('data-active', 'true');
  expect((await newcomer(manager)).active).toBe(true);
  expect(await signIn(NEWCOMER.email, NEWCOMER.password)).toBe('OK');
  expect(tried).toEqual([]);
  await context.close();
});

interface Product {
  id: string;
  platformItemId: string;
  title: string;
  isHero: boolean;
  unitCost: string;
  active: boolean;
  designer: { name: string } | null;
}

const TEAM_PRODUCTS = `query($teamId: ID!) {
  products(first: 100, filter: { teamId: $teamId }) { totalCount nodes { id platformItemId title isHero unitCost active designer { name } } }
}`;

async function teamProducts(manager: ApiSession) {
  const { products } = await manager.query<{ products: { totalCount: number; nodes: Product[] } }>(TEAM_PRODUCTS, { teamId: manager.teamId });
  return products;
}

test('the manager adds a product, switches its hero flag from the list; a 商品ID already taken is refused at the 商品ID', async ({ browser }) => {
  const manager = await apiLogin('manager@demo.shopops');
  const before = await teamProducts(manager);
  const { context, tried, page } = await managerOn(browser, 'products');
  await expect(page.getByTestId('product-row')).toHaveCount(before.totalCount);

  await page.getByTestId('product-new').click();
  await page.getByTestId('product-item-id').fill(ITEM);
  await page.getByTestId('product-title').fill('测试新品 Test item');
  await pick(page, 'product-designer', '林美工 Lin');
  // A fraction of a fen is refused at the form, as the API would.
  await page.getByTestId('product-cost').fill('1.005');
  await page.getByTestId('product-submit').click();
  await expect(fieldError(page, 'product-cost')).toHaveText('请填写不为负、最多两位小数的金额');
  await page.getByTestId('product-cost').fill('12.30');
  await page.getByTestId('product-submit').click();

  const row = page.locator(`[data-testid="product-row"][data-item-id="${ITEM}"]`);
  await expect(row).toHaveAttribute('data-hero', 'false');
  const made = (await teamProducts(manager)).nodes.find((p) => p.platformItemId === ITEM);
  expect(made).toMatchObject({ title: '测试新品 Test item', isHero: false, unitCost: '12.30', active: true, designer: { name: '林美工 Lin' } });
  await expect(row).toContainText('¥12.30');

  // 主推款 on from the list, then off again (a hero without data would be flagged by later diagnoses).
  const hero = async () => (await teamProducts(manager)).nodes.find((p) => p.id === made!.id)?.isHero;
  await row.getByTestId('product-hero-toggle').click();
  await expect(row).toHaveAttribute('data-hero', 'true');
  expect(await hero()).toBe(true);
  await row.getByTestId('product-hero-toggle').click();
  await expect(row).toHaveAttribute('data-hero', 'false');
  expect(await hero()).toBe(false);

  // The same 商品ID again: the API's words at the 商品ID, and nothing made.
  const again = { teamId: manager.teamId, platformItemId: ITEM, title: '重复商品 Dup' };
  const api = await refusal(manager, 'mutation($input: CreateProductInput!) { createProduct(input: $input) { product { id } } }', again);
  expect(api.code).toBe('CONFLICT');
  await page.getByTestId('product-new').click();
  await page.getByTestId('product-item-id').fill(ITEM);
  await page.getByTestId('product-title').fill(again.title);
  await page.getByTestId('product-submit').click();
  await expect(fieldError(page, 'product-item-id')).toHaveText(api.message);
  await page.keyboard.press('Escape');
  expect((await teamProducts(manager)).totalCount).toBe(before.totalCount + 1);

  // 只看主推款: the API's hero products, no others.
  await page.getByTestId('products-hero-only').check();
  const heroes = (await teamProducts(manager)).nodes.filter((p) => p.isHero).map((p) => p.id);
  await expect(page.getByTestId('product-row')).toHaveCount(heroes.length);
  const shown = await page.getByTestId('product-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-product')));
  expect(shown).toEqual(heroes);
  expect(tried).toEqual([]);
  await context.close();
});

test('an admin may also grant ADMIN access', async ({ browser }) => {
  const context = await browser.newContext();
  await offline(context);
  const page = await context.newPage();
  await login(page, 'admin@demo.shopops');
  await page.goto(`${origin()}/settings?tab=staff`);
  await page.getByTestId('staff-new').click();
  await page.getByTestId('staff-access').click();
  await expect(page.locator('.ant-select-dropdown:visible .ant-select-item-option')).toHaveText(['员工', '店长', '管理员']);
  await context.close();
});

test('a staff member has no 设置 in the menu', async ({ browser }) => {
  const context = await browser.newContext();
  await offline(context);
  const page = await context.newPage();
  await login(page, 'cs1@demo.shopops');
  await expect(page.getByTestId('side-menu')).toContainText('考核');
  await expect(page.getByTestId('side-menu')).not.toContainText('设置');
  await page.goto(`${origin()}/settings?tab=staff`);
  await expect(page.getByTestId('settings-forbidden')).toBeVisible();
  await expect(page.getByTestId('settings-staff')).toHaveCount(0);
  await context.close();
});
