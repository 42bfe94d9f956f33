import type { Patient, Practitioner, Provenance, Reference } from '@medplum/fhirtypes';
import { instant } from './codes';

/** ASTM E1762 signature types (the R4 `signature-type` value set). */
const SIGNATURE_TYPE = 'urn:iso-astm:E1762-95:2013';
const AUTHOR_SIGNATURE = {
  system: SIGNATURE_TYPE,
  code: '1.2.840.10065.1.12.1.1',
  display: "Author's Signature",
};
const CONSENT_SIGNATURE = {
  system: SIGNATURE_TYPE,
  code: '1.2.840.10065.1.12.1.7',
  display: 'Consent Signature',
};
const PARTICIPATION = 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType';

export type Signing = {
  /** The id of this Provenance. */
  id: string;
  /** `DocumentReference/<id>` or `Consent/<id>`. */
  target: string;
  /** `Practitioner/<id>` or `Patient/<id>`. */
  signer: string;
  at: Date;
  /** A therapist signs a note as its author; a client signs a consent. */
  kind: 'author' | 'consent';
  /** What the signer typed as their name, when they typed one (a consent). */
  typedName?: string;
};

/**
 * Who signed what and when. The record's signatures are electronic attestations inside the
 * system (no cryptographic signature travels), so `signature.data` is absent and the typed name,
 * where there is one, is the signature's `sigFormat`-less text in `reason`.
 */
export function toProvenance(signing: Signing): Provenance {
  const who: Reference<Patient | Practitioner> = { reference: signing.signer };
  return {
    resourceType: 'Provenance',
    id: signing.id,
    target: [{ reference: signing.target }],
    recorded: instant(signing.at),
    agent: [
      {
        type: {
          coding: [
            signing.kind === 'author'
              ? { system: PARTICIPATION, code: 'AUT', display: 'author' }
              : { system: PARTICIPATION, code: 'CST', display: 'custodian' },
          ],
        },
        who,
      },
    ],
    ...(signing.typedName ? { reason: [{ text: `Signed as “${signing.typedName}”` }] } : {}),
    signature: [
      {
        type: [signing.kind === 'author' ? AUTHOR_SIGNATURE : CONSENT_SIGNATURE],
        when: instant(signing.at),
        who,
      },
    ],
  };
}
