import { Anchor, Button, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactElement, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { CrisisResources, MeasureTask, Submitted } from '../../api/measure-types';
import { ErrorAlert } from '../../app/error-alert';
import { formatDate } from '../../app/format';
import { Loading } from '../../app/loading';
import { usePageTitle } from '../../app/page-title';
import { CrisisResourcesPanel } from '../measures/crisis-resources';
import { ItemFieldset } from '../measures/item-fieldset';
import {
  listMeasureTasks,
  measureTasksKey,
  saveTaskProgress,
  submitTask,
} from '../measures/measures-api';
import { plainResult } from '../measures/plain-result';
import { useDebouncedSave } from '../measures/use-debounced-save';
import { getPortal, portalKey } from './portal-api';

const saveText = {
  idle: '',
  saving: 'Saving your answers…',
  saved: 'Your answers are saved. You can come back and finish later.',
  error: 'Could not save your answers just now. They are kept on this page.',
};

function Done({ task, result }: { task: MeasureTask; result: Submitted }): ReactElement {
  const portal = useQuery({ queryKey: portalKey, queryFn: getPortal });
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!result.crisisResources) headingRef.current?.focus();
  }, [result.crisisResources]);
  return (
    <Stack>
      {result.crisisResources && (
        <CrisisResourcesPanel
          value={result.crisisResources}
          practiceName={portal.data?.practiceName}
        />
      )}
      <Paper withBorder p="lg">
        <Title order={2} size="h3" ref={headingRef} tabIndex={-1}>
          Thank you — your answers are sent
        </Title>
        <Text mt="xs">{plainResult(result.response, task.items.length, task.options)}</Text>
        <Text mt="xs">Your therapist will look at your answers with you.</Text>
        <Anchor component={Link} to="/" mt="sm" display="inline-block">
          Back to your home page
        </Anchor>
      </Paper>
    </Stack>
  );
}

function TaskForm({ task }: { task: MeasureTask }): ReactElement {
  const queryClient = useQueryClient();
  const [answers, setAnswers] = useState<(number | null)[]>(() =>
    task.items.map((_, i) => task.answers?.[i] ?? null),
  );
  const [showMissing, setShowMissing] = useState(false);
  // A risk item answered above 0 shows crisis resources at once, before the form is submitted
  // (CLINICAL.md §4); the save answers with them.
  const [crisis, setCrisis] = useState<CrisisResources | null>(null);
  const saver = useDebouncedSave((value: (number | null)[]) =>
    saveTaskProgress(task.id, value).then((saved) => {
      if (saved.crisisResources) setCrisis(saved.crisisResources);
    }),
  );
  const submit = useMutation({
    mutationFn: () => submitTask(task.id, answers as number[]),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: measureTasksKey }),
  });
  const answered = answers.filter((a) => a !== null).length;
  const total = task.items.length;

  if (submit.data) return <Done task={task} result={submit.data} />;

  function choose(index: number, value: number): void {
    const next = answers.map((a, i) => (i === index ? value : a));
    setAnswers(next);
    saver.schedule(next);
  }

  function onSubmit(event: FormEvent): void {
    event.preventDefault();
    const missing = answers.indexOf(null);
    if (missing >= 0) {
      setShowMissing(true);
      document.getElementById(`item-${missing}`)?.querySelector('input')?.focus();
      return;
    }
    saver.cancel();
    submit.mutate();
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        {task.instructions && <Text>{task.instructions}</Text>}
        <div>
          <Text id="progress-label" size="sm" aria-live="polite">
            {answered} of {total} answered
          </Text>
          <Progress.Root>
            <Progress.Section
              value={total ? (answered / total) * 100 : 0}
              aria-label={`${answered} of ${total} answered`}
            />
          </Progress.Root>
        </div>
        {task.items.map((item, i) => (
          <div id={`item-${i}`} key={item.number}>
            <ItemFieldset
              item={item}
              options={task.options}
              number={item.number}
              value={answers[i] ?? null}
              onChange={(v) => choose(i, v)}
              error={showMissing && answers[i] === null}
            />
          </div>
        ))}
        <Text size="sm" role="status">
          {saveText[saver.state]}
        </Text>
        {crisis && <CrisisResourcesPanel value={crisis} />}
        <ErrorAlert error={submit.error} title="Could not send your answers" />
        <Button type="submit" size="md" loading={submit.isPending} fullWidth>
          Submit
        </Button>
        <Text size="xs">{task.attribution}</Text>
      </Stack>
    </form>
  );
}

export function QuestionnairePage(): ReactElement {
  const taskId = useParams().taskId ?? '';
  const tasks = useQuery({ queryKey: measureTasksKey, queryFn: listMeasureTasks });
  const [task, setTask] = useState<MeasureTask | null>(null);
  // Keep the task once loaded: after submitting, the list no longer contains it.
  useEffect(() => {
    const found = tasks.data?.find((t) => t.id === taskId);
    if (found && !task) setTask(found);
  }, [tasks.data, taskId, task]);
  usePageTitle(task?.title ?? 'Questionnaire');

  return (
    <Stack maw={640}>
      <Anchor component={Link} to="/" size="sm">
        ← Back to your home page
      </Anchor>
      <Title order={1}>{task?.title ?? 'Questionnaire'}</Title>
      {task?.dueAt && <Text size="sm">Please complete it by {formatDate(task.dueAt)}.</Text>}
      {tasks.isPending && <Loading label="Loading the questionnaire" />}
      <ErrorAlert error={tasks.error} title="Could not load the questionnaire" />
      {tasks.isSuccess && !task && (
        <Text>This questionnaire is already completed or no longer open.</Text>
      )}
      {task && <TaskForm task={task} />}
    </Stack>
  );
}
