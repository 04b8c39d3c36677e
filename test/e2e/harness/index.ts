/** The end-to-end test harness: real Chromium, the unpacked extension, the demo console. */
export { BASE_ARGS, browserPath, launchBrowser, localeLaunch, type Locale } from './browser';
export {
  E2E_EXTENSION,
  launchExtension,
  type ExtensionSession,
  type LaunchExtensionOptions,
} from './extension';
export { enableDeveloperMode, grantHostAccess, needleForms, searchProfileFor } from './profile';
export {
  addAccountInPopup,
  codeOf,
  createVaultInPopup,
  unlockPopup,
  type TypedAccount,
} from './popup-actions';
export { openActionPopup, type ActionPopup } from './action-popup';
export { announcements, waitForAnnouncement } from './announcements';
export { overlayCount, overlayHost, waitForOverlay } from './page-overlay';
export { checkLayout } from './layout';
export { listAccounts } from './vault-view';
export { askBackground, askFromPage, sendFromPage, type Reply } from './messages';
export { consoleSession, step, type ConsoleSession } from './console-session';
