import type { Communication } from '@medplum/fhirtypes';
import { concept, identifierSystem, instant, SYSTEMS } from './codes';
import type { MessageFacts } from './types';

/** A secure message between the client and their therapist, within an episode. */
export function toCommunication(
  message: MessageFacts,
  refs: { patient: string; episode: string },
): Communication {
  const therapist = `Practitioner/${message.senderParty === 'therapist' ? message.senderId : message.therapistId}`;
  const [sender, recipient] =
    message.senderParty === 'client' ? [refs.patient, therapist] : [therapist, refs.patient];
  return {
    resourceType: 'Communication',
    id: message.id,
    identifier: [{ system: identifierSystem('message'), value: message.id }],
    status: 'completed',
    category: [concept(SYSTEMS.messageParty, message.senderParty)],
    subject: { reference: refs.patient },
    about: [{ reference: refs.episode }],
    sent: instant(message.sentAt),
    sender: { reference: sender },
    recipient: [{ reference: recipient }],
    payload: [{ contentString: message.body }],
  };
}
