import { api } from '../../api/client';
import type { Portal } from '../../api/types';

export function getPortal(): Promise<Portal> {
  return api<Portal>('/portal');
}
