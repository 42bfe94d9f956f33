import { Anchor, Button, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import type {
  CrisisResources,
  PortalMeasureTask,
  RecordedResponse,
  SavedTaskProgress,
  Wire,
} from '@throughline/contracts';
import { type ReactElement, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../app/error-alert';
import { formatDate } from '../../app/format';
import { LeaveWarning } from '../../app/leave-warning';
import { Loading } from '../../app/loading';
import { usePageTitle } from '../../app/page-title';
import { type SaveStatus, useAutosave } from '../../app/use-autosave';
import { CrisisResourcesPanel } from '../measures/crisis-resources';
import { ItemFieldset } from '../measures/item-fieldset';
import { measureTasksQuery, saveTaskProgress, useSubmitTask } from '../measures/measures-api';
import { plainResult } from '../measures/plain-result';
import { getPortal, portalKey } from './portal-api';

type Task = Wire<PortalMeasureTask>;
type Answers = (number | null)[];

const saveText: Record<SaveStatus, string> = {
  idle: '',
  unsaved: '',
  saving: 'Saving your answers…',
  saved: 'Your answers are saved. You can come back and finish later.',
  error: 'Could not save your answers just now. They are kept on this page.',
  conflict: 'This questionnaire is no longer open; your answers here were not saved.',
};

function Done({ task, result }: { task: Task; result: Wire<RecordedResponse> }): ReactElement {
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

function TaskForm({ task }: { task: Task }): ReactElement {
  // A risk item answered above 0 shows crisis resources at once, before the form is submitted
  // (CLINICAL.md §4); the save answers with them.
  const [crisis, setCrisis] = useState<CrisisResources | null>(null);
  const saver = useAutosave<Answers, Wire<SavedTaskProgress>>({
    initial: task.items.map((_, i) => task.answers?.[i] ?? null),
    save: (value, options) => saveTaskProgress(task.id, value, options),
    onSaved: (saved) => {
      if (saved.crisisResources) setCrisis(saved.crisisResources);
    },
    delayMs: 800,
  });
  const form = useForm<{ answers: Answers }>({
    initialValues: { answers: saver.value },
    onValuesChange: (values) => saver.update(values.answers),
  });
  const [showMissing, setShowMissing] = useState(false);
  const submit = useSubmitTask(task.id);
  const answers = form.values.answers;
  const answered = answers.filter((a) => a !== null).length;
  const total = task.items.length;

  if (submit.data) return <Done task={task} result={submit.data} />;

  const onSubmit = form.onSubmit((values) => {
    const complete = values.answers.filter((a): a is number => a !== null);
    const missing = values.answers.indexOf(null);
    if (missing >= 0 || complete.length !== total) {
      setShowMissing(true);
      document.getElementById(`item-${missing}`)?.querySelector('input')?.focus();
      return;
    }
    saver.cancel();
    submit.mutate(complete);
  });

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
              onChange={(v) => form.setFieldValue(`answers.${i}`, v)}
              error={showMissing && answers[i] === null}
            />
          </div>
        ))}
        <Text size="sm" role="status">
          {saveText[saver.status]}
        </Text>
        {crisis && <CrisisResourcesPanel value={crisis} />}
        <ErrorAlert error={submit.error} title="Could not send your answers" />
        <Button type="submit" size="md" loading={submit.isPending} fullWidth>
          Submit
        </Button>
        <Text size="xs">{task.attribution}</Text>
      </Stack>
      <LeaveWarning guard={saver.leaving} />
    </form>
  );
}

export function QuestionnairePage(): ReactElement {
  const taskId = useParams().taskId ?? '';
  const tasks = useQuery(measureTasksQuery());
  const [task, setTask] = useState<Task | null>(null);
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
