/**
 * One account of an import preview with its checkbox. Re-rendered only when its own props change, so ticking one
 * box in a file of thousands stays instant.
 */
import { Component } from 'preact';
import type { ImportedAccountView } from '@/lib/messages';
import { displayText } from '@/lib/otp/display-text';
import { accountDetails } from './enrol-text';
import type { Translate } from './i18n';

export interface ImportRowProps {
  account: ImportedAccountView;
  index: number;
  checked: boolean;
  onToggle: (index: number, on: boolean) => void;
  t: Translate;
}

export class ImportRow extends Component<ImportRowProps> {
  override shouldComponentUpdate(next: ImportRowProps): boolean {
    const now = this.props;
    return (
      next.checked !== now.checked ||
      next.account !== now.account ||
      next.index !== now.index ||
      next.t !== now.t
    );
  }

  override render({ account: a, index, checked, onToggle, t }: ImportRowProps) {
    return (
      <li class={a.duplicate ? 'duplicate' : undefined}>
        <label class="import-choice">
          <input
            type="checkbox"
            checked={checked}
            onChange={(e) => onToggle(index, e.currentTarget.checked)}
          />
          <span class="enrol-name">
            <span class="enrol-issuer">{displayText(a.issuer) || displayText(a.account)}</span>
            {a.issuer ? <span class="enrol-account">{displayText(a.account)}</span> : null}
          </span>
          <span class="enrol-details">{accountDetails(t, a)}</span>
        </label>
        {a.duplicate ? <span class="badge">{t('import_already')}</span> : null}
      </li>
    );
  }
}
