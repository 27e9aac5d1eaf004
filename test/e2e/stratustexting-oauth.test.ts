import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import stratusTexting from '../../src/providers/stratustexting/integration';
import { integrationEnvironment, SANDBOX_CREDENTIALS } from '../../tools/sandbox';
import { useSandbox } from '../sandbox/support';
import { runner } from '../support/run';

/**
 * The OAuth authorization-code flow as a user lives it: Zapier opens the authorize URL in a browser,
 * the user signs in on the login page, the browser lands on Zapier's redirect URL with a code, and
 * Zapier exchanges it. Headless Chromium (Debian's package, installed by .ci/run) drives the page.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ZAPIER_REDIRECT = 'https://zapier.com/dashboard/auth/oauth/return/StratusTextingCLIAPI/';
const haveChromium = existsSync(CHROMIUM);
const SUITE = 'StratusTexting sign-in through the login page in headless Chromium';
if (!haveChromium && process.env.CI) throw new Error(`CI must provide Chromium at ${CHROMIUM} (.ci/run installs Debian's chromium).`);
const describeWithBrowser = haveChromium ? describe : describe.skip;
// A skipped suite's title says why: test/support/skipped-suites-reporter.js prints it at the end of the run.
const TITLE = haveChromium ? SUITE : `${SUITE}, as no Chromium is at ${CHROMIUM}: install Debian's chromium or set CHROMIUM_PATH`;

describeWithBrowser(TITLE, () => {
  const sandbox = useSandbox();
  const run = runner(stratusTexting);
  const savedEnv = { ...process.env };
  let browser: Browser;

  beforeAll(async () => {
    Object.assign(process.env, integrationEnvironment(sandbox()).stratustexting);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    process.env = savedEnv;
  });

  /** Opens the authorize URL, signs in, and returns where the browser was sent back to. */
  async function signInWith(username: string, password: string): Promise<{ landedOn: URL | null; page: string }> {
    const authorizeUrl = await run.authorizeUrl({ inputData: { redirect_uri: ZAPIER_REDIRECT, state: 'e2e-state' } });
    const context = await browser.newContext();
    const page = await context.newPage();
    let landedOn: URL | null = null;
    // Zapier's redirect page is off this network (the browser shows an error page there): what
    // matters is the request the browser makes to it.
    page.on('request', (request) => {
      if (request.url().startsWith(ZAPIER_REDIRECT)) landedOn = new URL(request.url());
    });
    await page.goto(authorizeUrl);
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(password);
    await page.locator('form button, form input[type=submit]').first().click();
    await page.waitForLoadState('networkidle');
    const text = landedOn ? '' : await page.locator('body').innerText();
    await context.close();
    return { landedOn, page: text };
  }

  it('signs in on the login page, returns to Zapier with the code and state, and the code buys working tokens', async () => {
    const { username, password } = SANDBOX_CREDENTIALS.stratustexting;
    const { landedOn } = await signInWith(username, password);

    expect(landedOn).not.toBeNull();
    const returned = landedOn as unknown as URL;
    expect(returned.searchParams.get('state')).toBe('e2e-state');
    const code = returned.searchParams.get('code');
    expect(code).toEqual(expect.any(String));

    const authData = await run.getAccessToken<Record<string, string>>({
      inputData: { code, redirect_uri: ZAPIER_REDIRECT, state: 'e2e-state' },
    });
    expect(authData).toEqual({ access_token: expect.any(String), refresh_token: expect.any(String), account_name: username });

    const tested = await run.connectionTest({ authData });
    expect(tested).toMatchObject({ account_name: username, site_count: 2 });
  });

  it('keeps the user on the login page, saying why, when the password is wrong', async () => {
    const { username } = SANDBOX_CREDENTIALS.stratustexting;
    const { landedOn, page } = await signInWith(username, 'not-the-password');
    expect(landedOn).toBeNull();
    expect(page).toContain('Incorrect username or password.');
  });
});
