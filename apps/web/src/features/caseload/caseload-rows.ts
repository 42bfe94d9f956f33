import type {
  AttentionKind,
  Client,
  CaseloadItem as ContractItem,
  Wire,
} from '@throughline/contracts';
import { formatInZone } from '../../app/format';

type CaseloadItem = Wire<ContractItem>;

/** One client in the caseload: their account (from /clients) and their open episode (from /caseload). */
export type CaseloadRow = Omit<CaseloadItem, 'episodeId' | 'phase'> & {
  episodeId: string | null;
  phase: CaseloadItem['phase'] | null;
  email: string | null;
  status: Wire<Client>['status'] | null;
};

export function mergeCaseload(clients: Wire<Client>[], caseload: CaseloadItem[]): CaseloadRow[] {
  const byClient = new Map(caseload.map((item) => [item.clientId, item]));
  const rows: CaseloadRow[] = clients.map((client) => {
    const item = byClient.get(client.id);
    byClient.delete(client.id);
    return {
      clientId: client.id,
      displayName: client.displayName,
      preferredName: item?.preferredName ?? null,
      email: client.email,
      status: client.status,
      episodeId: item?.episodeId ?? null,
      phase: item?.phase ?? null,
      nextSession: item?.nextSession ?? null,
      nextSessionTimeZone: item?.nextSessionTimeZone ?? null,
      lastContactAt: item?.lastContactAt ?? null,
      daysSinceLastContact: item?.daysSinceLastContact ?? null,
      attention: item?.attention ?? [],
      cover: item?.cover ?? null,
    };
  });
  for (const item of byClient.values()) rows.push({ ...item, email: null, status: null });
  return rows;
}

export function attentionLabel(kind: AttentionKind, count: number): string {
  switch (kind) {
    case 'unsigned-notes':
      return count === 1 ? '1 unsigned note' : `${count} unsigned notes`;
    case 'homework-completed':
      return count === 1 ? '1 homework done' : `${count} homework done`;
    case 'overdue-homework':
      return count === 1 ? '1 homework overdue' : `${count} homework overdue`;
    case 'no-next-session':
      return 'No next session';
    case 'urgent-alerts':
      return count === 1 ? '1 urgent alert' : `${count} urgent alerts`;
    case 'alerts':
      return count === 1 ? '1 alert' : `${count} alerts`;
    case 'unread-messages':
      return count === 1 ? '1 new message' : `${count} new messages`;
  }
}

/** The cover mark under the client's name, from the reader's side (issue 10). */
export function coverMark(cover: NonNullable<CaseloadRow['cover']>): string {
  const until = formatInZone(cover.endsAt, cover.timeZone);
  return cover.viewer === 'designee'
    ? `Covering for ${cover.therapistName} until ${until}`
    : `Covered by ${cover.designeeName} until ${until}`;
}

export function briefPath(row: Pick<CaseloadRow, 'episodeId' | 'nextSession'>): string | null {
  if (!row.episodeId) return null;
  // Without ?appointment the brief is for the episode's next scheduled session.
  return `/episodes/${row.episodeId}/brief`;
}

function alertRank(row: CaseloadRow): number {
  if (row.attention.some((a) => a.kind === 'urgent-alerts' && a.count > 0)) return 0;
  if (row.attention.some((a) => a.kind === 'alerts' && a.count > 0)) return 1;
  return 2;
}

/** Clients with urgent alerts first, then other alerts; otherwise the order is kept. */
export function sortByAlerts(rows: CaseloadRow[]): CaseloadRow[] {
  return rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => alertRank(a.row) - alertRank(b.row) || a.i - b.i)
    .map(({ row }) => row);
}
