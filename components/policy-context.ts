import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Policy } from '@/lib/policy/policy';

/**
 * The organisation's policy as the options page read it once (`policy.get`); null until it is known, or when it
 * could not be read (the background enforces it either way: the page only shows it).
 */
export const PolicyContext = createContext<Policy | null>(null);

export const usePolicy = (): Policy | null => useContext(PolicyContext);
