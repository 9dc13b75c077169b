// Browser tests: a real `shopops serve --demo` (started by global-setup.ts on an ephemeral port,
// with a fresh SQLite database) driven in Debian's Chromium, headless. Playwright's own browser
// download is never used: CHROMIUM (default /usr/bin/chromium) is launched instead.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: './specs',
  globalSetup: './global-setup.ts',
  // One server and one demo team for all: the specs run one after another, in file order.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: 0,
  reporter: [['list']],
  use: {
    headless: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-dev-shm-usage'],
    },
    trace: 'off',
  },
});
