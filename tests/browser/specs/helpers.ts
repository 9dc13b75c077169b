import type { BrowserContext, Page } from '@playwright/test';
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

/** A GraphQL request over HTTP, as any client makes it; throws on errors. */
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
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data as T;
}

/** Signs in over the API: the token and who it is. */
export async function apiLogin(email: string): Promise<{ token: string; id: string; teamId: string }> {
  const { login } = await gql<{ login: { token: string; staff: { id: string; teamId: string } } }>(
    'mutation($input: LoginInput!) { login(input: $input) { token staff { id teamId } } }',
    { input: { email, password: PASSWORD } },
  );
  return { token: login.token, id: login.staff.id, teamId: login.staff.teamId };
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
