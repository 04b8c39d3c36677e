/**
 * The sites an account fills on: exact origins, as recorded by a scan or "Use on this site", edited here.
 * A site that is not listed is never filled without the user confirming it by name. A plain-http site off this
 * computer is flagged: the network can change its page, so it is never filled automatically.
 */
import { useState } from 'preact/hooks';
import { isSecureWebOrigin } from '../lib/web-origin';
import { AutoFillToggle } from './AutoFillToggle';
import { useT } from './i18n';
import { siteOrigin } from './site-origin';

/** "Fill automatically" applies to saved sites of a saved account; it acts at once (it is not part of Save). */
export interface AutoFillSites {
  id: string;
  /** Sites as saved (a site only typed here must be saved first). */
  saved: string[];
  on: string[];
  /** HOTP: not offered (every page load would use up a code). */
  available: boolean;
  onChange: (on: string[]) => void;
}

export function SitesEditor({
  origins,
  onChange,
  autoFill,
}: {
  origins: string[];
  onChange: (next: string[]) => void;
  autoFill?: AutoFillSites;
}) {
  const t = useT();
  // Automatic fill is offered only where it can happen (not on plain http off this computer).
  const showAuto = autoFill !== undefined && autoFill.available && origins.some(isSecureWebOrigin);
  const unsaved = showAuto && origins.some((o) => isSecureWebOrigin(o) && !autoFill.saved.includes(o));
  const [typed, setTyped] = useState('');
  const [invalid, setInvalid] = useState(false);

  function add() {
    const origin = siteOrigin(typed);
    if (!origin) return setInvalid(true);
    if (!origins.includes(origin)) onChange([...origins, origin]);
    setTyped('');
    setInvalid(false);
  }

  return (
    <fieldset class="sites">
      <legend>{t('label_sites')}</legend>
      {origins.length === 0 ? <p class="hint">{t('sites_none')}</p> : null}
      <ul>
        {origins.map((origin) => (
          <li key={origin}>
            <span class="mono">{origin}</span>
            <button
              type="button"
              class="small"
              aria-label={t('button_remove_site', origin)}
              onClick={() => onChange(origins.filter((o) => o !== origin))}
            >
              {t('button_remove')}
            </button>
            {showAuto && autoFill.saved.includes(origin) && isSecureWebOrigin(origin) ? (
              <AutoFillToggle
                id={autoFill.id}
                origin={origin}
                on={autoFill.on.includes(origin)}
                onChange={(on) =>
                  autoFill.onChange(on ? [...autoFill.on, origin] : autoFill.on.filter((o) => o !== origin))
                }
              />
            ) : null}
          </li>
        ))}
      </ul>
      {origins
        .filter((origin) => !isSecureWebOrigin(origin))
        .map((origin) => (
          <p key={origin} class="site-warning" role="note">
            {t('site_http_warning', origin)}
          </p>
        ))}
      {showAuto ? <p class="hint">{t('autofill_hint')}</p> : null}
      {unsaved ? <p class="hint">{t('autofill_save_first')}</p> : null}
      {autoFill !== undefined && !autoFill.available && origins.length > 0 ? (
        <p class="hint">{t('error_autofill_hotp')}</p>
      ) : null}
      <div class="add-site">
        <label for="f-site" class="sr-only">
          {t('label_add_site')}
        </label>
        <input
          id="f-site"
          class="mono"
          placeholder="https://console.example.jp"
          value={typed}
          aria-invalid={invalid}
          aria-describedby="f-site-error"
          onInput={(e) => {
            setTyped(e.currentTarget.value);
            setInvalid(false);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <button type="button" class="small" onClick={add}>
          {t('button_add_site')}
        </button>
      </div>
      {invalid ? (
        <p id="f-site-error" class="field-error" role="alert">
          {t('error_site_invalid')}
        </p>
      ) : null}
    </fieldset>
  );
}
