/** What a person does in the popup, written against its English UI contract (labels and button names). */
import type { Locator, Page } from 'playwright-core';

export async function createVaultInPopup(popup: Page, password: string): Promise<void> {
  await popup.getByLabel('Password', { exact: true }).fill(password);
  await popup.getByLabel('Confirm password').fill(password);
  await popup.getByRole('button', { name: 'Create vault' }).click();
  await popup.getByRole('button', { name: 'Add account' }).waitFor();
}

export async function unlockPopup(popup: Page, password: string): Promise<void> {
  await popup.getByLabel('Password', { exact: true }).fill(password);
  await popup.getByRole('button', { name: 'Unlock' }).click();
}

export interface TypedAccount {
  issuer: string;
  account: string;
  secret: string;
}

/** Adds an account by hand, waits for the live preview, saves, and returns its list item. */
export async function addAccountInPopup(popup: Page, a: TypedAccount): Promise<Locator> {
  await popup.getByRole('button', { name: 'Add account' }).click();
  await popup.getByLabel('Issuer').fill(a.issuer);
  await popup.getByLabel('Account').fill(a.account);
  await popup.getByLabel('Secret key').fill(a.secret);
  await popup.locator('.preview-code').waitFor();
  await popup.getByRole('button', { name: 'Save' }).click();
  const item = popup.getByRole('listitem').filter({ hasText: a.account });
  await item.waitFor();
  return item;
}

/** The plain digits of the code an item shows now. */
export async function codeOf(item: Locator): Promise<string> {
  return ((await item.locator('.code').textContent()) ?? '').trim();
}
