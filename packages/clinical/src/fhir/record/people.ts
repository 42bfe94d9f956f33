import type { Organization, Patient, Practitioner } from '@medplum/fhirtypes';
import { EXTENSIONS, identifierSystem } from './codes';
import type { ClientFacts, PracticeFacts, PractitionerFacts } from './types';

/** The practice (the tenant) as the managing Organization. */
export function toOrganization(practice: PracticeFacts): Organization {
  return {
    resourceType: 'Organization',
    id: practice.id,
    identifier: [{ system: identifierSystem('practice'), value: practice.id }],
    active: true,
    name: practice.name,
  };
}

/** A therapist. Only their name and work e-mail: nothing of their own account travels. */
export function toPractitioner(person: PractitionerFacts): Practitioner {
  return {
    resourceType: 'Practitioner',
    id: person.id,
    identifier: [{ system: identifierSystem('user'), value: person.id }],
    name: [{ text: person.name }],
    ...(person.email ? { telecom: [{ system: 'email', value: person.email, use: 'work' }] } : {}),
  };
}

/**
 * The client. The name they are addressed by is kept as `usual` beside the recorded one, and
 * their pronouns ride on a project extension (R4 has no element for them; STYLE: the client's
 * name and pronouns are respected wherever the record goes).
 */
export function toPatient(
  client: ClientFacts,
  refs: { organization: string; practitioner: string },
): Patient {
  const telecom = [
    ...(client.email ? [{ system: 'email' as const, value: client.email }] : []),
    ...(client.phone ? [{ system: 'phone' as const, value: client.phone }] : []),
  ];
  const contact = client.emergencyContact;
  return {
    resourceType: 'Patient',
    id: client.id,
    identifier: [{ system: identifierSystem('client'), value: client.id }],
    ...(client.pronouns
      ? { extension: [{ url: EXTENSIONS.pronouns, valueString: client.pronouns }] }
      : {}),
    active: true,
    name: [
      { use: 'official', text: client.displayName },
      ...(client.preferredName ? [{ use: 'usual' as const, text: client.preferredName }] : []),
    ],
    ...(telecom.length > 0 ? { telecom } : {}),
    ...(client.dateOfBirth ? { birthDate: client.dateOfBirth } : {}),
    ...(contact
      ? {
          contact: [
            {
              relationship: [{ text: contact.relationship }],
              name: { text: contact.name },
              telecom: [{ system: 'phone', value: contact.phone }],
            },
          ],
        }
      : {}),
    generalPractitioner: [{ reference: refs.practitioner }],
    managingOrganization: { reference: refs.organization },
  };
}
