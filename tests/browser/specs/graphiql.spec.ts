// GraphiQL with no network: every asset comes from shopops, the schema is introspected under the
// default limits, and the documentation explorer shows it.
import { expect, test } from '@playwright/test';
import { offline, origin } from './helpers';

test('GraphiQL renders offline and shows the docs', async ({ context, page }) => {
  const tried = await offline(context);
  const introspected = page.waitForResponse(
    (r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('__schema'),
  );
  await page.goto(`${origin()}/graphql`);
  const introspection = await (await introspected).json();
  expect(introspection.errors).toBeUndefined();
  expect(introspection.data.__schema.queryType.name).toBe('Query');

  await page.getByRole('button', { name: /documentation explorer/i }).first().click();
  const docs = page.locator('.graphiql-doc-explorer');
  await expect(docs).toContainText('Query');
  await docs.getByText('Query', { exact: true }).first().click();
  await expect(docs).toContainText('dailyBoard');
  expect(tried).toEqual([]);
});
