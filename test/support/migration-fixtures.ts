/** The real Google Authenticator exports in the shared fixtures beside the repository (as in CI). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const MIGRATION_FIXTURES = join(__dirname, '../../../shared/fixtures/google-migration');

export const migrationFixture = (name: string) => readFileSync(join(MIGRATION_FIXTURES, name), 'utf8');

/** The `otpauth-migration:` lines of a fixture text file. */
export const migrationLines = (name: string) =>
  migrationFixture(name)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('otpauth-migration:'));

/** One entry of example_output.json, in its shape. */
export interface ExpectedMigrationEntry {
  name: string;
  secret: string;
  issuer: string;
  type: string;
  counter: number | null;
}
