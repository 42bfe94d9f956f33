import type { SessionDetail, Wire } from '@throughline/contracts';

/** "Jo (Jordan Lee), she/her": the name the therapist uses, the full name, the pronouns. */
export function clientLine(client: Wire<SessionDetail>['client']): string {
  const name =
    client.preferredName && client.preferredName !== client.displayName
      ? `${client.preferredName} (${client.displayName})`
      : client.displayName;
  return client.pronouns ? `${name}, ${client.pronouns}` : name;
}
