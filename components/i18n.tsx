import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { errorKey, type ErrorCode } from '@/lib/messages';

export type Translate = (key: string, substitutions?: string | string[]) => string;

export const I18nContext = createContext<Translate>((key) => key);

export function useT(): Translate {
  return useContext(I18nContext);
}

/** The translated sentence for an error code from any layer (`wrong-password` -> `error_wrong_password`). */
export function errorText(t: Translate, code: ErrorCode): string {
  const key = errorKey(code);
  const text = t(key);
  return text && text !== key ? text : t('error_internal');
}
