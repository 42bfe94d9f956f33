import { Alert, Paper, Stack, Title } from '@mantine/core';
import type { NextStep } from '@throughline/contracts';
import { type ReactElement, useEffect, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { usePageTitle } from '../../app/page-title';
import { PublicLayout } from '../../app/public-layout';
import { useFinishSignIn } from './auth-api';
import { CredentialsForm } from './credentials-form';
import { EnrolmentPanel } from './enrolment-panel';
import { TwoFactorForm } from './two-factor-form';

type Step = 'credentials' | 'two-factor' | 'enrol';

const headings: Record<Step, string> = {
  credentials: 'Sign in',
  'two-factor': 'Two-factor authentication',
  enrol: 'Set up two-factor authentication',
};

export function SignInPage(): ReactElement {
  const [step, setStep] = useState<Step>('credentials');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const finishSignIn = useFinishSignIn();
  const heading = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);
  usePageTitle(headings[step]);

  // Move focus to the new step's heading so keyboard and screen-reader users follow along.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    heading.current?.focus();
  }, [step]);

  const finish = async (): Promise<void> => {
    await finishSignIn();
    navigate('/', { replace: true });
  };

  // Held only until the first two-factor set-up has used it (the server asks for it again).
  const password = useRef<string | undefined>(undefined);
  const onNext = (next: NextStep['next'], typed: string): void => {
    password.current = next === 'enrol-two-factor' ? typed : undefined;
    if (next === 'done') void finish();
    else setStep(next === 'two-factor' ? 'two-factor' : 'enrol');
  };

  return (
    <PublicLayout>
      {params.get('session') === 'ended' && step === 'credentials' && (
        <Alert color="blue" variant="light" role="status">
          Your session ended. Please sign in again.
        </Alert>
      )}
      <Paper withBorder shadow="xs" p={{ base: 'md', sm: 'xl' }} radius="md">
        <Stack>
          <Title order={2} size="h3" ref={heading} tabIndex={-1}>
            {headings[step]}
          </Title>
          {step === 'credentials' && <CredentialsForm onNext={onNext} />}
          {step === 'two-factor' && <TwoFactorForm onDone={() => void finish()} />}
          {step === 'enrol' && (
            <EnrolmentPanel
              intro={
                <Alert color="teal" variant="light">
                  Clinicians and practice administrators must use two-factor authentication, because
                  their accounts can reach clinical records. Set it up once now; after that you will
                  enter a code from your app each time you sign in.
                </Alert>
              }
              password={password.current}
              onDone={() => {
                password.current = undefined;
                void finish();
              }}
            />
          )}
        </Stack>
      </Paper>
    </PublicLayout>
  );
}
