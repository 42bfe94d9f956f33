import type { ClientRow } from './repository';

export type ClientView = {
  id: string;
  displayName: string;
  email: string;
  status: 'invited' | 'active';
  therapistId: string;
  therapistName: string;
  createdAt: Date;
};

export function toClientView(row: ClientRow): ClientView {
  return {
    id: row.id,
    displayName: row.displayName,
    email: row.email,
    status: row.accepted ? 'active' : 'invited',
    therapistId: row.therapistId,
    therapistName: row.therapistName,
    createdAt: row.createdAt,
  };
}
