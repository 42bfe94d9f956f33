import type { Consent } from '@medplum/fhirtypes';
import { toBase64 as utf8Base64 } from './base64';
import { concept, identifierSystem, instant, SYSTEMS } from './codes';
import type { ConsentFacts, ContactAgreementFacts } from './types';

const SCOPE = 'http://terminology.hl7.org/CodeSystem/consentscope';
const CATEGORY = 'http://loinc.org';
const ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';

/** Which FHIR consent scope a kind falls under: supervision shares the record (privacy). */
const scopeOf = (kind: string): 'patient-privacy' | 'treatment' =>
  kind === 'supervision' || kind === 'recording' ? 'patient-privacy' : 'treatment';

/**
 * A consent the client signed: the document version they read (as the source attachment), the
 * name they typed is carried by the signature's Provenance. A withdrawn or replaced signature is
 * `inactive`, its provision period ending then.
 */
export function toConsent(
  consent: ConsentFacts,
  refs: { patient: string; organization: string },
): Consent {
  return {
    resourceType: 'Consent',
    id: consent.id,
    identifier: [{ system: identifierSystem('consent-signature'), value: consent.id }],
    status: consent.endedAt ? 'inactive' : 'active',
    scope: concept(SCOPE, scopeOf(consent.kind)),
    category: [
      { coding: [{ system: CATEGORY, code: '59284-0', display: 'Patient Consent' }] },
      concept(SYSTEMS.consentKind, consent.kind),
    ],
    patient: { reference: refs.patient },
    dateTime: instant(consent.signedAt),
    performer: [{ reference: refs.patient }],
    organization: [{ reference: refs.organization }],
    sourceAttachment: {
      contentType: 'text/plain; charset=utf-8',
      data: utf8Base64(consent.documentBody),
      title: `${consent.documentTitle} (version ${consent.documentVersion})`,
    },
    policyRule: concept(ACT_CODE, 'OPTIN', 'opt-in'),
    provision: {
      type: 'permit',
      period: {
        start: instant(consent.signedAt),
        ...(consent.endedAt ? { end: instant(consent.endedAt) } : {}),
      },
    },
  };
}

/**
 * The contact agreement both parties accepted (issue 10): how and when the client may reach the
 * therapist between sessions. The agreed terms travel as a JSON attachment, whole.
 */
export function toContactAgreementConsent(
  agreement: ContactAgreementFacts,
  refs: { patient: string; organization: string; practitioner: string },
): Consent {
  return {
    resourceType: 'Consent',
    id: agreement.id,
    identifier: [{ system: identifierSystem('agreement-version'), value: agreement.id }],
    status: 'active',
    scope: concept(SCOPE, 'treatment'),
    category: [concept(SYSTEMS.consentKind, 'contact-agreement', 'Contact agreement')],
    patient: { reference: refs.patient },
    dateTime: instant(agreement.agreedAt),
    performer: [{ reference: refs.patient }, { reference: refs.practitioner }],
    organization: [{ reference: refs.organization }],
    sourceAttachment: {
      contentType: 'application/json',
      data: utf8Base64(JSON.stringify(agreement.terms)),
      title: `Contact agreement, version ${agreement.version}`,
    },
    policyRule: concept(ACT_CODE, 'OPTIN', 'opt-in'),
    provision: { type: 'permit', period: { start: instant(agreement.agreedAt) } },
  };
}
