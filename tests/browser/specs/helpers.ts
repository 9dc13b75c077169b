import type { BrowserContext, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const PASSWORD = 'shopops-demo';

/** The server's origin, as global-setup.ts found it. */
export function origin(): string {
  const url = process.env.SHOPOPS_URL;
  if (!url) throw new Error('SHOPOPS_URL is not set: run through playwright.config.ts');
  return url;
}

/**
 * Cuts the context off from everything but shopops itself, as a shop behind a firewall is:
 * any other request is aborted and recorded, so that a test can assert none was tried.
 */
export async function offline(context: BrowserContext): Promise<string[]> {
  const tried: string[] = [];
  const own = new URL(origin());
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.host === own.host) return route.continue();
    tried.push(url.href);
    return route.abort('internetdisconnected');
  });
  return tried;
}

/** A GraphQL request over HTTP, as any client makes it; an error answer throws, with its code. */
export async function gql<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<T> {
  const response = await fetch(`${origin()}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  const error = body.errors?.[0];
  if (error) throw Object.assign(new Error(error.message), { code: error.extensions?.code });
  return body.data as T;
}

export interface ApiSession {
  token: string;
  /** The person's id and team. */
  id: string;
  teamId: string;
  /** A GraphQL request as this person. */
  query: <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;
}

/** Signs in over the API, as a test's own client beside the browser. */
export async function apiLogin(email: string): Promise<ApiSession> {
  const { login } = await gql<{ login: { token: string; staff: { id: string; teamId: string } } }>(
    'mutation($input: LoginInput!) { login(input: $input) { token staff { id teamId } } }',
    { input: { email, password: PASSWORD } },
  );
  const { token } = login;
  return { token, id: login.staff.id, teamId: login.staff.teamId, query: (q, v) => gql(q, v, token) };
}

/** Signs in through the login page. */
export async function login(page: Page, email: string): Promise<void> {
  await page.goto(`${origin()}/login`);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Where the README's screenshots are written. */
export function screenshot(name: string): string {
  return resolve(import.meta.dirname, '../../../docs/screenshots', `${name}.png`);
}

/** tests/samples/sycm-shop.csv (GBK; three days of 2026-11), its days moved into `month`. */
export function shopDaysOf(month: string): { name: string; mimeType: string; buffer: Buffer } {
  const sample = readFileSync(resolve(import.meta.dirname, '../../samples/sycm-shop.csv'));
  // The dates are ASCII in GBK too: moving them is a byte-for-byte replacement.
  const moved = Buffer.from(sample.toString('latin1').replaceAll('2026-11-', `${month}-`), 'latin1');
  return { name: `生意参谋-交易概况-${month}.csv`, mimeType: 'text/csv', buffer: moved };
}

/** The team's last month (YYYY-MM) as the pages take it. */
export async function lastMonth(): Promise<string> {
  const manager = await apiLogin('manager@demo.shopops');
  const { me } = await manager.query<{ me: { team: { timeZone: string } } }>('{ me { team { timeZone } } }');
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: me.team.timeZone }).format(new Date());
  const [y, m] = today.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** Opens the import page, picks `file` and asks for the dry run. */
export async function previewImport(page: Page, file: ReturnType<typeof shopDaysOf>): Promise<void> {
  await page.goto(`${origin()}/imports`);
  await page.getByTestId('import-file').setInputFiles(file);
  await page.getByTestId('import-preview').click();
}
