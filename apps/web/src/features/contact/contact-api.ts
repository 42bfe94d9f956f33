import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import type {
  Attachment,
  ContactAgreement,
  ContactDefaults,
  Episode,
  MessageList,
  ProposeContactAgreement,
  SentMessage,
  Wire,
} from '@throughline/contracts';
import { api, upload } from '../../api/client';
import { type MutationCallbacks, useFeatureMutation } from '../../api/mutation';
import { isApiError } from '../../api/problem';
import { alertKeys } from '../alerts/alerts-api';

export const contactKeys = {
  agreement: (episodeId: string) => ['contact-agreement', episodeId] as const,
  messages: (episodeId: string) => ['messages', episodeId] as const,
  defaults: ['contact-defaults'] as const,
  portalEpisode: ['portal', 'episode'] as const,
};

const base = (episodeId: string) => `/episodes/${encodeURIComponent(episodeId)}`;

/** The current contact agreement, or null when none has been proposed yet (a 404). */
export async function getContactAgreement(
  episodeId: string,
): Promise<Wire<ContactAgreement> | null> {
  try {
    return await api<Wire<ContactAgreement>>(`${base(episodeId)}/contact-agreement`);
  } catch (error) {
    if (isApiError(error) && error.status === 404) return null;
    throw error;
  }
}

export function useContactAgreement(
  episodeId: string | undefined,
): UseQueryResult<Wire<ContactAgreement> | null> {
  return useQuery({
    queryKey: contactKeys.agreement(episodeId ?? ''),
    queryFn: () => getContactAgreement(episodeId ?? ''),
    enabled: Boolean(episodeId),
  });
}

export function useContactDefaults(): UseQueryResult<Wire<ContactDefaults>> {
  return useQuery({
    queryKey: contactKeys.defaults,
    queryFn: () => api<Wire<ContactDefaults>>('/contact-defaults'),
  });
}

export function useMessages(episodeId: string | undefined): UseQueryResult<Wire<MessageList>> {
  return useQuery({
    queryKey: contactKeys.messages(episodeId ?? ''),
    queryFn: () => api<Wire<MessageList>>(`${base(episodeId ?? '')}/messages`),
    enabled: Boolean(episodeId),
  });
}

/** The client's episode for the portal: the newest one not closed, else the newest. */
export function usePortalEpisode(): UseQueryResult<Wire<Episode> | null> {
  return useQuery({
    queryKey: contactKeys.portalEpisode,
    queryFn: async () => {
      const page = await api<{ items: Wire<Episode>[] }>('/episodes?limit=20');
      return page.items.find((e) => e.phase !== 'closed') ?? page.items[0] ?? null;
    },
  });
}

export function useProposeContactAgreement(
  episodeId: string,
  callbacks?: MutationCallbacks<Wire<ContactAgreement>, ProposeContactAgreement>,
) {
  return useFeatureMutation(
    (input: ProposeContactAgreement) =>
      api<Wire<ContactAgreement>>(`${base(episodeId)}/contact-agreement`, {
        method: 'POST',
        body: input,
      }),
    (qc, data) => qc.setQueryData(contactKeys.agreement(episodeId), data),
    callbacks,
  );
}

export function useAcceptContactAgreement(
  episodeId: string,
  callbacks?: MutationCallbacks<Wire<ContactAgreement>, number>,
) {
  return useFeatureMutation(
    (version: number) =>
      api<Wire<ContactAgreement>>(`${base(episodeId)}/contact-agreement/accept`, {
        method: 'POST',
        body: { version },
      }),
    (qc, data) => qc.setQueryData(contactKeys.agreement(episodeId), data),
    callbacks,
  );
}

export type OutgoingMessage = { body: string; file?: File | null };

/** The URL a message's file downloads from (same origin, the session cookie). */
export function messageFileUrl(episodeId: string, attachmentId: string): string {
  return `/api/v1${base(episodeId)}/messages/attachments/${encodeURIComponent(attachmentId)}`;
}

/** Sends a message; a file goes first to the attachment store, then with the message. */
export function useSendMessage(
  episodeId: string,
  callbacks?: MutationCallbacks<Wire<SentMessage>, OutgoingMessage>,
) {
  return useFeatureMutation(
    async ({ body, file }: OutgoingMessage) => {
      const attachment = file
        ? await upload<Wire<Attachment>>(`${base(episodeId)}/messages/attachments`, file)
        : null;
      return api<Wire<SentMessage>>(`${base(episodeId)}/messages`, {
        method: 'POST',
        body: attachment ? { body, attachmentId: attachment.id } : { body },
      });
    },
    (qc) => {
      void qc.invalidateQueries({ queryKey: contactKeys.messages(episodeId) });
      // A risk-language message raises an alert the therapist's lists show.
      void qc.invalidateQueries({ queryKey: alertKeys.open });
      void qc.invalidateQueries({ queryKey: alertKeys.episode(episodeId) });
    },
    callbacks,
  );
}

export function useMarkMessagesRead(episodeId: string) {
  return useFeatureMutation(
    () => api<{ marked: number }>(`${base(episodeId)}/messages/read`, { method: 'POST' }),
    (qc, data) => {
      if (data.marked > 0) void qc.invalidateQueries({ queryKey: contactKeys.messages(episodeId) });
    },
  );
}
