import { TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { ReactElement } from 'react';
import { ListEditor } from './list-editor';

export type ReferralRow = { to: string; reason: string };
type WithReferrals = { referrals: ReferralRow[] };

/**
 * Referrals as rows: who (a person or a service) and, optionally, why. The ending plan and
 * "End therapy" both use it; each passes its own field labels.
 */
export function ReferralsEditor<T extends WithReferrals>({
  form,
  toLabel = 'To',
  reasonLabel = 'Why',
}: {
  form: UseFormReturnType<T>;
  toLabel?: string;
  reasonLabel?: string;
}): ReactElement {
  // The form's path helpers are typed by its own values; every caller's values hold `referrals`.
  const f = form as unknown as UseFormReturnType<WithReferrals>;
  return (
    <ListEditor
      items={f.getValues().referrals}
      rowKey={(_, i) => f.key(`referrals.${i}`)}
      removeLabel={(_, i) => `Remove referral ${i + 1}`}
      onRemove={(i) => f.removeListItem('referrals', i)}
      addLabel="Add a referral"
      onAdd={() => f.insertListItem('referrals', { to: '', reason: '' })}
      renderRow={(_, i) => (
        <>
          <TextInput label={toLabel} w={200} {...f.getInputProps(`referrals.${i}.to`)} />
          <TextInput label={reasonLabel} w={220} {...f.getInputProps(`referrals.${i}.reason`)} />
        </>
      )}
    />
  );
}
