import type { Client, ClientChanges, CreateClientInput, Wire } from '@throughline/contracts';

export type ClientFormValues = {
  displayName: string;
  email: string;
  preferredName: string;
  pronouns: string;
  dateOfBirth: string;
  timeZone: string;
  phone: string;
  emergencyName: string;
  emergencyPhone: string;
  emergencyRelationship: string;
  mayEmail: boolean;
  emailMayIncludeDetails: boolean;
  remindersEnabled: boolean;
};

// Safe defaults (ETHICS.md): e-mails say only "you have a message" unless the client agrees.
export function emptyClientValues(): ClientFormValues {
  return {
    displayName: '',
    email: '',
    preferredName: '',
    pronouns: '',
    dateOfBirth: '',
    // Empty: the server gives a new client the practice's time zone, not the browser's.
    timeZone: '',
    phone: '',
    emergencyName: '',
    emergencyPhone: '',
    emergencyRelationship: '',
    mayEmail: true,
    emailMayIncludeDetails: false,
    remindersEnabled: true,
  };
}

export function valuesFromClient(client: Wire<Client>): ClientFormValues {
  return {
    displayName: client.displayName,
    email: client.email ?? '',
    preferredName: client.preferredName ?? '',
    pronouns: client.pronouns ?? '',
    dateOfBirth: client.dateOfBirth ?? '',
    timeZone: client.timeZone,
    phone: client.phone ?? '',
    emergencyName: client.emergencyContact?.name ?? '',
    emergencyPhone: client.emergencyContact?.phone ?? '',
    emergencyRelationship: client.emergencyContact?.relationship ?? '',
    mayEmail: client.safeContact.mayEmail,
    emailMayIncludeDetails: client.safeContact.emailMayIncludeDetails,
    remindersEnabled: client.safeContact.remindersEnabled,
  };
}

/** The request body: empty optional fields are left out rather than sent as "". */
export function clientInput(values: ClientFormValues): CreateClientInput {
  const optional = (value: string): string | undefined => value.trim() || undefined;
  const input: CreateClientInput = {
    displayName: values.displayName.trim(),
    email: optional(values.email),
    preferredName: optional(values.preferredName),
    pronouns: optional(values.pronouns),
    dateOfBirth: optional(values.dateOfBirth),
    timeZone: optional(values.timeZone),
    phone: optional(values.phone),
    safeContact: {
      mayEmail: values.mayEmail,
      emailMayIncludeDetails: values.mayEmail && values.emailMayIncludeDetails,
      remindersEnabled: values.remindersEnabled,
    },
  };
  if (
    values.emergencyName.trim() ||
    values.emergencyPhone.trim() ||
    values.emergencyRelationship.trim()
  ) {
    input.emergencyContact = {
      name: values.emergencyName.trim(),
      phone: values.emergencyPhone.trim(),
      relationship: values.emergencyRelationship.trim(),
    };
  }
  return input;
}

/** PATCH: every field is sent, `null` clears an optional one; the e-mail (their login) is not. */
export function clientChanges(values: ClientFormValues): ClientChanges {
  const orNull = (value: string): string | null => value.trim() || null;
  const emergency = clientInput(values).emergencyContact;
  return {
    displayName: values.displayName.trim(),
    preferredName: orNull(values.preferredName),
    pronouns: orNull(values.pronouns),
    dateOfBirth: orNull(values.dateOfBirth),
    timeZone: values.timeZone || undefined,
    phone: orNull(values.phone),
    emergencyContact: emergency ?? null,
    safeContact: clientInput(values).safeContact,
  };
}

// The server wants an emergency contact complete or not at all.
const emergencyField =
  (label: string) =>
  (value: string, all: ClientFormValues): string | null => {
    const any = [all.emergencyName, all.emergencyPhone, all.emergencyRelationship].some((v) =>
      v.trim(),
    );
    return any && !value.trim() ? `Add the ${label}, or leave the emergency contact empty.` : null;
  };

export const clientValidation = {
  displayName: (value: string) => (value.trim() ? null : "Enter the client's name."),
  // No e-mail is fine when e-mail is switched off: the client gets a sign-up code in person.
  email: (value: string, all: ClientFormValues) => {
    if (!value.trim()) {
      return all.mayEmail
        ? 'Enter an e-mail address, or switch e-mail off below to give the client a sign-up code in person.'
        : null;
    }
    return /^\S+@\S+\.\S+$/.test(value.trim()) ? null : 'Enter an e-mail address.';
  },
  emergencyName: emergencyField("contact person's name"),
  emergencyPhone: emergencyField('phone number'),
  emergencyRelationship: emergencyField('relationship'),
};

export const clientFieldPaths = [
  'displayName',
  'email',
  'preferredName',
  'pronouns',
  'dateOfBirth',
  'timeZone',
  'phone',
];
