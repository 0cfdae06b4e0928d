import { type Browser, type BrowserServer, chromium, type LaunchOptions } from 'playwright-core';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
];

/**
 * Browser features a test page never sees, each costing CPU on every new page: Chromium 156 preloads its
 * omnibox popups (chrome://omnibox-popup.top-chrome, a WebUI renderer of their own) for every window, and a
 * page is a window — about 1.5 CPU-s per page opened, more than the console's own renderer spends on its
 * first second (issue 13: the suite's time).
 */
const DISABLED_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];

const launchOptions = (): LaunchOptions => ({
  executablePath: process.env.EDUFLOW_CHROMIUM ?? '/usr/bin/chromium',
  args: CHROMIUM_ARGS,
});

/**
 * Chromium reads only the last `--disable-features` it is given, and playwright passes its own list (paint
 * holding, HTTPS upgrades, …): a second list would replace it. So a first start shows the switches playwright
 * gives, and the real one carries both lists in one.
 */
async function withDisabledFeatures(options: LaunchOptions): Promise<LaunchOptions> {
  const probe = await chromium.launchServer(options);
  const argv = probe.process().spawnargs;
  await probe.close();
  const theirs = argv.find((a) => a.startsWith('--disable-features='));
  const merged = [theirs?.slice('--disable-features='.length), ...DISABLED_FEATURES].filter(Boolean).join(',');
  return {
    ...options,
    ignoreDefaultArgs: theirs ? [theirs] : [],
    args: [...(options.args ?? []), `--disable-features=${merged}`],
  };
}

/**
 * One Chromium for a whole browser run (vitest globalSetup): each test file connects to it instead of
 * starting its own (a start costs about 1.2 CPU-s, and 37 files did it), and gets contexts of its own, so
 * files share no cookies, storage or cache.
 */
export async function startBrowserServer(): Promise<BrowserServer> {
  return chromium.launchServer(await withDisabledFeatures(launchOptions()));
}

/** One Chromium for a measuring script (api/bench), started with the same switches as the tests'. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch(await withDisabledFeatures(launchOptions()));
}
