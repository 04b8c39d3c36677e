/** Where the pages' language setting is kept (storage.local): read by lib/platform/i18n.ts and, early, by the popup. */
export const LANGUAGE_SETTING_KEY = 'ui_language';
