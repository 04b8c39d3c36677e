import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Client } from '@/lib/messages';

export const ClientContext = createContext<Client | null>(null);

export function useClient(): Client {
  const client = useContext(ClientContext);
  if (!client) throw new Error('ClientContext missing');
  return client;
}
