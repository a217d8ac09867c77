// One rule for every panel's state, so no panel shows green-looking data it should not.
import type { ConnectionState } from '../stores/connection.ts';

export type PanelStatus = 'loading' | 'empty' | 'stale' | 'ok';

export function panelStatus(hasSnapshot: boolean, hasData: boolean, connection: ConnectionState): PanelStatus {
  if (!hasSnapshot) return connection === 'stale' ? 'empty' : 'loading';
  if (!hasData) return 'empty';
  return connection === 'stale' ? 'stale' : 'ok';
}
