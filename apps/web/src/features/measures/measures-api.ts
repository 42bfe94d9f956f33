import {
  queryOptions,
  type UseMutationResult,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';
import type {
  EpisodeMeasureTaskList,
  MeasurementPlan,
  Outcome,
  PortalMeasureTaskList,
  PortalProgress,
  ProgressSharing,
  ProgressSharingState,
  RecordedResponse,
  RecordResponseRequest,
  SavedTaskProgress,
  Scores,
  SentMeasureTask,
  UpdateMeasurementPlanRequest,
  Wire,
} from '@throughline/contracts';
import { api } from '../../api/client';
import { type MutationCallbacks, useFeatureMutation } from '../../api/mutation';
import { alertKeys } from '../alerts/alerts-api';

const enc = encodeURIComponent;

/** Query keys of this feature; episode-scoped data sits under the episode's key. */
export const measureKeys = {
  portalTasks: ['portal', 'measure-tasks'] as const,
  portalProgress: ['portal', 'progress'] as const,
  scores: (episodeId: string) => ['episodes', episodeId, 'scores'] as const,
  outcome: (episodeId: string) => ['episodes', episodeId, 'outcome'] as const,
  plan: (episodeId: string) => ['episodes', episodeId, 'measurement-plan'] as const,
  sharing: (episodeId: string) => ['episodes', episodeId, 'progress-sharing'] as const,
  episodeTasks: (episodeId: string) => ['episodes', episodeId, 'measure-tasks'] as const,
};

export function listMeasureTasks(): Promise<Wire<PortalMeasureTaskList>> {
  return api<Wire<PortalMeasureTaskList>>('/portal/measure-tasks');
}

export function measureTasksQuery() {
  return queryOptions({
    queryKey: measureKeys.portalTasks,
    queryFn: listMeasureTasks,
    select: (data) => data.items,
  });
}

/** Saves partial answers; `crisisResources` comes back when a risk item is answered above 0. */
export function saveTaskProgress(
  id: string,
  answers: (number | null)[],
  options: { keepalive?: boolean } = {},
): Promise<Wire<SavedTaskProgress>> {
  return api<Wire<SavedTaskProgress>>(`/portal/measure-tasks/${enc(id)}/progress`, {
    method: 'PUT',
    body: { answers },
    keepalive: options.keepalive,
  });
}

export function submitTask(id: string, answers: number[]): Promise<Wire<RecordedResponse>> {
  return api<Wire<RecordedResponse>>(`/portal/measure-tasks/${enc(id)}/submit`, {
    method: 'POST',
    body: { answers },
  });
}

/** The client submits a questionnaire; it leaves their list of open ones. */
export function useSubmitTask(
  id: string,
): UseMutationResult<Wire<RecordedResponse>, Error, number[]> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (answers: number[]) => submitTask(id, answers),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: measureKeys.portalTasks }),
  });
}

/** A paper form entered by the therapist; the server records it as entered on the client's behalf. */
export function createResponse(
  episodeId: string,
  input: RecordResponseRequest,
): Promise<Wire<RecordedResponse>> {
  return api<Wire<RecordedResponse>>(`/episodes/${enc(episodeId)}/responses`, {
    method: 'POST',
    body: input,
  });
}

/** A new score changes the charts, the outcome and possibly the alerts. */
export function useCreateResponse(
  episodeId: string,
): UseMutationResult<Wire<RecordedResponse>, Error, RecordResponseRequest> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RecordResponseRequest) => createResponse(episodeId, input),
    onSuccess: () => {
      for (const queryKey of [
        measureKeys.scores(episodeId),
        measureKeys.outcome(episodeId),
        alertKeys.episode(episodeId),
        alertKeys.open,
      ])
        void queryClient.invalidateQueries({ queryKey });
    },
  });
}

export function getScores(episodeId: string): Promise<Wire<Scores>> {
  return api<Wire<Scores>>(`/episodes/${enc(episodeId)}/scores`);
}

export function scoresQuery(episodeId: string) {
  return queryOptions({
    queryKey: measureKeys.scores(episodeId),
    queryFn: () => getScores(episodeId),
    select: (data) => data.instruments,
  });
}

export function getOutcome(episodeId: string): Promise<Wire<Outcome>> {
  return api<Wire<Outcome>>(`/episodes/${enc(episodeId)}/outcome`);
}

export function outcomeQuery(episodeId: string) {
  return queryOptions({
    queryKey: measureKeys.outcome(episodeId),
    queryFn: () => getOutcome(episodeId),
  });
}

export function getPlan(episodeId: string): Promise<Wire<MeasurementPlan>> {
  return api<Wire<MeasurementPlan>>(`/episodes/${enc(episodeId)}/measurement-plan`);
}

export function savePlan(
  episodeId: string,
  input: UpdateMeasurementPlanRequest,
): Promise<Wire<MeasurementPlan>> {
  return api<Wire<MeasurementPlan>>(`/episodes/${enc(episodeId)}/measurement-plan`, {
    method: 'PUT',
    body: input,
  });
}

export function planQuery(episodeId: string) {
  return queryOptions({
    queryKey: measureKeys.plan(episodeId),
    queryFn: () => getPlan(episodeId),
    select: (data) => data.items,
  });
}

/** The plan as saved replaces the cached one. */
export function useSavePlan(
  episodeId: string,
  callbacks: MutationCallbacks<Wire<MeasurementPlan>, UpdateMeasurementPlanRequest> = {},
): UseMutationResult<Wire<MeasurementPlan>, Error, UpdateMeasurementPlanRequest> {
  return useFeatureMutation(
    (input: UpdateMeasurementPlanRequest) => savePlan(episodeId, input),
    (queryClient, saved) => queryClient.setQueryData(measureKeys.plan(episodeId), saved),
    callbacks,
  );
}

export function listEpisodeTasks(episodeId: string): Promise<Wire<EpisodeMeasureTaskList>> {
  return api<Wire<EpisodeMeasureTaskList>>(`/episodes/${enc(episodeId)}/measure-tasks`);
}

export function episodeTasksQuery(episodeId: string) {
  return queryOptions({
    queryKey: measureKeys.episodeTasks(episodeId),
    queryFn: () => listEpisodeTasks(episodeId),
    select: (data) => data.items,
  });
}

export function sendTask(episodeId: string, instrument: string): Promise<Wire<SentMeasureTask>> {
  return api<Wire<SentMeasureTask>>(`/episodes/${enc(episodeId)}/measure-tasks`, {
    method: 'POST',
    body: { instrument },
  });
}

/**
 * A questionnaire sent now joins the episode's list of sent ones. A refusal refreshes the list
 * too: "already waiting" usually means the plan sent it for a coming session meanwhile, and the
 * therapist should see that one listed.
 */
export function useSendTask(
  episodeId: string,
  callbacks: MutationCallbacks<Wire<SentMeasureTask>, string> = {},
): UseMutationResult<Wire<SentMeasureTask>, Error, string> {
  const queryClient = useQueryClient();
  const refresh = () =>
    void queryClient.invalidateQueries({ queryKey: measureKeys.episodeTasks(episodeId) });
  return useFeatureMutation((instrument: string) => sendTask(episodeId, instrument), refresh, {
    ...callbacks,
    onError: (error) => {
      refresh();
      callbacks.onError?.(error);
    },
  });
}

/** Therapist-facing wording of a band or category: "moderately-severe" → "moderately severe". */
export function bandText(band: string | null | undefined): string {
  return band ? band.replace(/-/g, ' ') : '—';
}

export function shareProgress(
  episodeId: string,
  instruments?: string[],
): Promise<Wire<ProgressSharing>> {
  return api<Wire<ProgressSharing>>(`/episodes/${enc(episodeId)}/progress/share`, {
    method: 'POST',
    body: instruments ? { instruments } : {},
  });
}

export function unshareProgress(episodeId: string): Promise<Wire<ProgressSharing>> {
  return api<Wire<ProgressSharing>>(`/episodes/${enc(episodeId)}/progress/unshare`, {
    method: 'POST',
  });
}

export function getProgressSharing(episodeId: string): Promise<Wire<ProgressSharingState>> {
  return api<Wire<ProgressSharingState>>(`/episodes/${enc(episodeId)}/progress/sharing`);
}

/** Whether the episode's progress is shared with the client, since when, and what it would show. */
export function progressSharingQuery(episodeId: string) {
  return queryOptions({
    queryKey: measureKeys.sharing(episodeId),
    queryFn: () => getProgressSharing(episodeId),
  });
}

/** Share (true) or stop sharing (false) the episode's progress; the sharing state is read again. */
export function useProgressSharing(
  episodeId: string,
): UseMutationResult<Wire<ProgressSharing>, Error, boolean> {
  return useFeatureMutation(
    (share: boolean) => (share ? shareProgress(episodeId) : unshareProgress(episodeId)),
    (queryClient) =>
      void queryClient.invalidateQueries({ queryKey: measureKeys.sharing(episodeId) }),
  );
}

export function getPortalProgress(): Promise<Wire<PortalProgress>> {
  return api<Wire<PortalProgress>>('/portal/progress');
}

export function portalProgressQuery() {
  return queryOptions({
    queryKey: measureKeys.portalProgress,
    queryFn: getPortalProgress,
    select: (data) => data.items,
  });
}
