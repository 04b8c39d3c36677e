/**
 * An organisation policy that sets a little of everything, one value of the wrong type and one unknown
 * setting: what the settings page is shown with in component and end-to-end tests.
 */
export const EXAMPLE_POLICY = {
  MaximumAutoLockMinutes: 30,
  MinimumPasswordLength: 12,
  DisablePlaintextExport: true,
  AllowedFillOrigins: ['https://clp.trendmicro.com', 'https://*.example.co.jp'],
  DisableImportExport: 'yes',
  LockEverything: true,
};
