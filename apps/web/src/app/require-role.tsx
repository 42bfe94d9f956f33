import type { Role } from '@throughline/contracts';
import type { ReactElement, ReactNode } from 'react';
import { useSignedInUser } from '../features/auth/use-me';
import { MessagePage } from './message-page';
import { roleLabels } from './roles';

type Props = { roles: Role[]; children: ReactNode };

/** Hides pages meant for another role. The server enforces access; this only explains it. */
export function RequireRole({ roles, children }: Props): ReactElement {
  const { role } = useSignedInUser();
  if (roles.includes(role)) return <>{children}</>;
  return (
    <MessagePage title="Not available">
      This page is for {roles.map((r) => roleLabels[r].toLowerCase()).join(' or ')} accounts.
    </MessagePage>
  );
}
