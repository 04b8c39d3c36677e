/** Paths where Chrome, Chromium and Edge are usually installed on `platform`, most preferred first. */
export function candidatePaths(platform?: NodeJS.Platform, env?: NodeJS.ProcessEnv): string[];
/** The browser to use: `CHROME_PATH` if set (it must exist), else the first installed candidate; null if none. */
export function findBrowser(env?: NodeJS.ProcessEnv, platform?: NodeJS.Platform): string | null;
/** What to tell a person who has no browser. */
export function noBrowserMessage(env?: NodeJS.ProcessEnv): string;
