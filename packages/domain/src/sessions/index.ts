// The session page (issue 9): one session with its client, notes and questionnaires, and the
// one-step "Write the note". A read model over appointments, clients, notes and measures.
export { readSession, type SessionView, sessionDay } from './read-session';
export { type StartedSessionNote, startSessionNote } from './start-session-note';
