// `npm run measure`: the measurements of measure/, against the same server as the tests.
import { defineConfig } from '@playwright/test';
import base from './playwright.config';

export default defineConfig({
  ...base,
  testDir: './measure',
  testMatch: '*.measure.ts',
  timeout: 120_000,
});
