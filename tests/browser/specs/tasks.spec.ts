// The afternoon: the morning's tasks on the task board. A staff member, in a browser of their
// own, blocks one with a reason, resumes it and finishes it; the manager's pages follow live,
// without a reload. A staff member reaches only their own tasks; a move on an old version says
// so and reloads. Runs after board.spec.ts, which made a task of every finding.
import { expect, test, type Page } from '@playwright/test';
import { apiLogin, gql, login, offline, origin, screenshot } from './helpers';

interface Task {
  id: string;
  version: number;
  status: string;
  assignee: { id: string } | null;
}

const TEAM_TASKS = `query($teamId: ID!) {
  tasks(filter: { teamId: $teamId }, first: 100) { totalCount nodes { id version status assignee { id } } }
}`;

async function teamTasks(token: string, teamId: string): Promise<{ totalCount: number; nodes: Task[] }> {
  return (await gql<{ tasks: { totalCount: number; nodes: Task[] } }>(TEAM_TASKS, { teamId }, token)).tasks;
}

function card(page: Page, id: string) {
  return page.locator(`[data-testid="task-card"][data-task="${id}"]`);
}

test('a staff member blocks, resumes and finishes a task; the manager sees it live', async ({ browser }) => {
  const manager = await apiLogin('manager@demo.shopops');
  const ajie = await apiLogin('cs2@demo.shopops');
  const tasks = await teamTasks(manager.token, manager.teamId);
  const mine = tasks.nodes.filter((t) => t.assignee?.id === ajie.id);
  // The morning's CS findings (conversion lag, slow response) went to 阿杰, the lagging agent.
  const task = mine.find((t) => t.status === 'TODO');
  expect(task, 'a TODO task of 阿杰 from the morning').toBeTruthy();

  // Two people, two browsers of their own (separate contexts: no shared storage or cookies).
  const mContext = await browser.newContext();
  const sContext = await browser.newContext();
  const tried = [...(await offline(mContext)), ...(await offline(sContext))];
  const board = await mContext.newPage();
  await login(board, 'manager@demo.shopops');
  await expect(board.getByTestId('board')).toBeVisible();
  const mPage = await mContext.newPage();
  await mPage.goto(`${origin()}/tasks`);
  await expect(card(mPage, task!.id)).toHaveAttribute('data-status', 'TODO');
  const todoBefore = Number(await mPage.locator('[data-testid="task-column"][data-status="TODO"] [data-testid="column-count"]').getAttribute('data-count'));
  const completion = async () => Number(await board.getByTestId('board-completion').getAttribute('data-value'));
  const completionBefore = await completion();

  const sPage = await sContext.newPage();
  await login(sPage, 'cs2@demo.shopops');
  await sPage.goto(`${origin()}/tasks`);
  await expect(sPage.getByRole('heading', { name: '我的任务' })).toBeVisible();
  const sCard = card(sPage, task!.id);
  // TODO offers 阿杰 only his own moves: start or blocked; cancelling is the manager's.
  await expect(sCard.locator('[data-testid^="move-"]')).toHaveCount(2);
  await expect(sCard.getByTestId('move-CANCELLED')).toHaveCount(0);

  // Blocked, with the reason §6 requires: the confirm stays disabled until there is one.
  await sCard.getByTestId('move-BLOCKED').click();
  await expect(sPage.getByTestId('move-confirm')).toBeDisabled();
  await sPage.getByTestId('move-reason').fill('等美工出新的详情页首屏');
  await sPage.getByTestId('move-confirm').click();
  await expect(sCard).toHaveAttribute('data-status', 'BLOCKED');
  // The manager's board moved the card by itself (taskEvents), reason and all.
  const mCard = card(mPage, task!.id);
  await expect(mCard).toHaveAttribute('data-status', 'BLOCKED');
  await expect(mCard.getByTestId('task-reason')).toContainText('等美工出新的详情页首屏');
  await expect(mPage.locator('[data-testid="task-column"][data-status="TODO"] [data-testid="column-count"]')).toHaveAttribute(
    'data-count',
    String(todoBefore - 1),
  );

  // A follow-up from the drawer, then back to work and done.
  await sCard.click();
  const drawer = sPage.getByTestId('task-drawer');
  await drawer.getByTestId('follow-up-input').fill('首屏图已到，继续跟进咨询转化');
  await drawer.getByTestId('follow-up-add').click();
  await expect(drawer.getByTestId('follow-up')).toHaveCount(1);
  await drawer.getByTestId('move-IN_PROGRESS').click();
  await expect(drawer.getByTestId('task-detail')).toHaveAttribute('data-status', 'IN_PROGRESS');
  await expect(mCard).toHaveAttribute('data-status', 'IN_PROGRESS');
  await drawer.getByTestId('move-DONE').click();
  await expect(drawer.getByTestId('task-detail')).toHaveAttribute('data-status', 'DONE');
  // Done is as far as the assignee goes: verifying is the manager's.
  await expect(drawer.locator('[data-testid^="move-"]')).toHaveCount(0);

  await expect(mCard).toHaveAttribute('data-status', 'DONE');
  await expect(mCard.getByTestId('move-VERIFIED')).toBeVisible();
  // The morning board, open all along in the manager's other tab, counts one more task done.
  await expect.poll(completion).toBeGreaterThan(completionBefore);

  // The manager's drawer: the follow-up and the audit trail of every move, in order.
  await mCard.click();
  const mDrawer = mPage.getByTestId('task-drawer');
  await expect(mDrawer.getByTestId('follow-up')).toContainText('首屏图已到');
  const statusLines = mDrawer.locator('[data-testid="audit-entry"][data-field="status"]');
  // Made by the manager this morning, then 阿杰's three moves.
  await expect(statusLines).toHaveText([/王经理.*— → 待办$/, /阿杰.*待办 → 受阻$/, /阿杰.*受阻 → 进行中$/, /阿杰.*进行中 → 已完成$/]);
  await expect(mDrawer.locator('[data-testid="audit-entry"][data-field="reason"]')).toContainText('等美工出新的详情页首屏');
  await mDrawer.locator('.ant-drawer-close').click();
  await expect(mDrawer).toBeHidden();
  await mPage.screenshot({ path: screenshot('task-board'), fullPage: true });

  // 我的任务 on a phone: one status at a time, the card's moves within reach.
  await sPage.setViewportSize({ width: 390, height: 844 });
  await sPage.goto(`${origin()}/tasks`);
  await expect(sPage.getByTestId('tasks-phone')).toBeVisible();
  await sPage.screenshot({ path: screenshot('my-tasks-phone'), fullPage: true });

  expect(tried).toEqual([]);
  await mContext.close();
  await sContext.close();
});

test("a staff member reaches only their own tasks", async ({ browser }) => {
  const manager = await apiLogin('manager@demo.shopops');
  const ajie = await apiLogin('cs2@demo.shopops');
  const all = await teamTasks(manager.token, manager.teamId);
  const his = await teamTasks(ajie.token, ajie.teamId);
  // The API gives him his own; the page shows exactly those.
  expect(his.nodes.every((t) => t.assignee?.id === ajie.id)).toBe(true);
  const others = all.nodes.find((t) => t.assignee?.id !== ajie.id);
  expect(others, "someone else's task").toBeTruthy();

  const context = await browser.newContext();
  await offline(context);
  const page = await context.newPage();
  await login(page, 'cs2@demo.shopops');
  await page.goto(`${origin()}/tasks`);
  await expect(page.getByTestId('task-card')).toHaveCount(his.totalCount);
  const assignees = await page.getByTestId('task-card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-assignee')));
  expect(new Set(assignees)).toEqual(new Set([ajie.id]));
  // No manager's controls.
  await expect(page.getByTestId('new-task')).toHaveCount(0);
  await expect(page.getByTestId('filter-assignee')).toHaveCount(0);
  // A link to someone else's task opens nothing of it: the API refuses.
  await page.goto(`${origin()}/tasks?task=${others!.id}`);
  await expect(page.getByTestId('task-error')).toHaveAttribute('data-code', 'FORBIDDEN');
  await expect(page.getByTestId('task-detail')).toHaveCount(0);
  await context.close();
});

test('a move on a version someone else changed says so and reloads', async ({ browser }) => {
  const manager = await apiLogin('manager@demo.shopops');
  const tasks = await teamTasks(manager.token, manager.teamId);
  const task = tasks.nodes.find((t) => t.status === 'TODO')!;
  const context = await browser.newContext();
  await offline(context);
  const page = await context.newPage();
  // No live events for this page: the change below reaches it only through the conflict.
  await page.routeWebSocket(/\/graphql\/ws$/, () => {});
  await login(page, 'manager@demo.shopops');
  await page.goto(`${origin()}/tasks`);
  await expect(card(page, task.id)).toHaveAttribute('data-status', 'TODO');
  await gql(
    'mutation($input: MoveTaskInput!) { moveTask(input: $input) { task { id } } }',
    { input: { id: task.id, version: task.version, to: 'CANCELLED', reason: '重复任务' } },
    manager.token,
  );
  await card(page, task.id).getByTestId('move-BLOCKED').click();
  await page.getByTestId('move-reason').fill('等库存');
  await page.getByTestId('move-confirm').click();
  await expect(page.getByTestId('stale')).toBeVisible();
  await page.getByTestId('stale-reload').click();
  await expect(card(page, task.id)).toHaveAttribute('data-status', 'CANCELLED');
  await expect(card(page, task.id).getByTestId('task-reason')).toContainText('重复任务');
  await expect(page.getByTestId('stale')).toHaveCount(0);
  await context.close();
});

test('the manager makes a manual task and reassigns it', async ({ browser }) => {
  const context = await browser.newContext();
  await offline(context);
  const page = await context.newPage();
  await login(page, 'manager@demo.shopops');
  await page.goto(`${origin()}/tasks`);
  await page.getByTestId('new-task').click();
  await page.getByTestId('new-task-title').fill('双十二主图换新');
  await page.getByTestId('new-task-role').click();
  await page.getByTitle('美工').click();
  await page.getByTestId('new-task-submit').click();
  const made = page.locator('[data-testid="task-card"]', { hasText: '双十二主图换新' });
  await expect(made).toHaveAttribute('data-status', 'TODO');
  const first = await made.getAttribute('data-assignee');
  await made.click();
  const drawer = page.getByTestId('task-drawer');
  const assigneeLines = drawer.locator('[data-testid="audit-entry"][data-field="assignee"]');
  await expect(drawer.getByTestId('task-detail')).toBeVisible();
  const linesBefore = await assigneeLines.count();
  await drawer.getByTestId('reassign').click();
  // The designer it is not with now.
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option:not(.ant-select-item-option-selected)').first().click();
  await expect(made).not.toHaveAttribute('data-assignee', first ?? '');
  await expect(assigneeLines).toHaveCount(linesBefore + 1);
  await context.close();
});
