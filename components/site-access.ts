import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

/**
 * Asks the browser to let Sekimori run on one exact origin (for "Fill automatically"). Must be called straight
 * from a click handler, before anything is awaited: browsers only show the prompt under a user gesture.
 * Resolves to whether it was granted. Without a provider nothing is ever granted.
 */
export type RequestSiteAccess = (origin: string) => Promise<boolean>;

export const SiteAccessContext = createContext<RequestSiteAccess>(() => Promise.resolve(false));

export const useSiteAccess = (): RequestSiteAccess => useContext(SiteAccessContext);
