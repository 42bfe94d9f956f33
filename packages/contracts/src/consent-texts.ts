import type { ConsentKind, SupervisionPart } from './consent';

/**
 * The texts a practice starts from (issue 10): plain language, to be adapted by the practice to
 * its jurisdiction and ways of working before clients sign them. The demo publishes them as
 * version 1.
 */
export type ConsentText = { title: string; body: string; shares: SupervisionPart[] };

export const DEFAULT_CONSENT_TEXTS: Record<ConsentKind, ConsentText> = {
  treatment: {
    title: 'Agreeing to therapy',
    body: [
      'Therapy is something we do together. Your therapist will explain how they work, what the sessions are for and how long they might go on, and will check with you as things change.',
      'What you say in therapy is kept private. Your therapist may have to share information without asking you first only when the law requires it: to keep you or someone else safe from serious harm, when a child or vulnerable adult may be at risk, or when a court orders it. Where they can, they will tell you first.',
      'You can ask questions at any time, ask to see your record, or stop therapy. Stopping does not cost you anything, and your therapist will help you find other support if you want it.',
    ].join('\n\n'),
    shares: [],
  },
  telehealth: {
    title: 'Sessions by video or phone',
    body: [
      'Some sessions may happen by video or phone. Please join from a private place where you cannot be overheard, and tell your therapist where you are at the start of each session, so help can reach you in an emergency.',
      'Sessions are not recorded unless you agree separately. If the connection drops, your therapist will call you back on the number you gave us. Video sessions can feel different from meeting in person; say so if it is not working for you.',
    ].join('\n\n'),
    shares: [],
  },
  recording: {
    title: 'Recording music sessions, and who owns what we make',
    body: [
      'In music therapy we sometimes record what we play or write, so you can listen again or we can look back at how things changed. Nothing is recorded without you knowing, and you can ask for a recording to be stopped or deleted at any time.',
      'Recordings are kept in your secure record, like your notes, and are never shared or published without your written permission.',
      'Songs, lyrics and music you write in therapy belong to you. Your therapist keeps a copy only as part of your record. If you ever want to share or perform them, that is your choice; your therapist will not use them anywhere else.',
    ].join('\n\n'),
    shares: [],
  },
  supervision: {
    title: 'Supervision and case consultation',
    body: [
      'Good therapists talk about their work with an experienced colleague, called a supervisor, to make sure you get the best care. If you agree, your therapist’s supervisor at this practice may read parts of your record.',
      'What the supervisor may read: your session notes, your questionnaire scores, your goals, and your therapist’s boundary and ethics log. They cannot read your therapist’s private process notes (psychotherapy notes), and they cannot change anything. Every time they look, it is recorded, and you can see it in who accessed your record.',
      'You do not have to agree, and your therapy is the same either way. You can withdraw this consent at any time in the portal; the supervisor loses access straight away.',
    ].join('\n\n'),
    shares: ['notes', 'scores', 'goals', 'boundary-log'],
  },
  'check-ins': {
    title: 'Check-ins after therapy ends',
    body: [
      'After therapy ends, your therapist may send you a short check-in now and then — a few questions about how you are doing — so you can reach out early if things get harder.',
      'Check-ins come only through the channels you chose, and only while you agree. You can withdraw at any time in the portal, and the check-ins stop straight away. A check-in is not an emergency service: if you need help urgently, use the crisis numbers in the portal.',
    ].join('\n\n'),
    shares: [],
  },
};
