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
